# expect: unchanged
# `return_exceptions=True`: gather collects exceptions as results; a TaskGroup cannot.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def fail():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def main():
    results = await asyncio.gather(value(1), fail(), value(3), return_exceptions=True)
    print([r if not isinstance(r, BaseException) else repr(r) for r in results])
    flag = True
    more = await asyncio.gather(value(4), return_exceptions=flag)
    print(more)


asyncio.run(main())
