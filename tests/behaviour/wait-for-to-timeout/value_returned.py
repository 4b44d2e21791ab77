# The awaitable finishes well inside the timeout: its value is assigned and printed.
import asyncio


async def compute(x):
    await asyncio.sleep(0)
    return x * 2


async def main():
    result = await asyncio.wait_for(compute(21), 1)
    print("result", result)


asyncio.run(main())
