# In an async generator: `await` is allowed there.
import asyncio
import time


async def numbers(n):
    for i in range(n):
        time.sleep(0.001)
        yield i


async def main():
    print([i async for i in numbers(4)])


asyncio.run(main())
