# The awaited coroutine's result is discarded, as the call's was.
import asyncio


async def compute(n):
    await asyncio.sleep(0)
    return n * 10


async def main():
    compute(4)
    results = [await compute(i) for i in range(3)]
    print(results)


asyncio.run(main())
