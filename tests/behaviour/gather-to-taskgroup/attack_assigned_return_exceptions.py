# expect: unchanged
# The assigned gather collects exceptions (`return_exceptions=True`): a TaskGroup cannot.
import asyncio


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    fut = asyncio.gather(value(1), boom(), return_exceptions=True)
    results = await fut
    print([type(r).__name__ for r in results])


asyncio.run(main())
