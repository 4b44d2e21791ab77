# A local list of coroutines, built by a comprehension over an `async def` of this module and
# used only by the gather: each element is a coroutine, so the gather can be rewritten.
import asyncio


async def fetch(x):
    await asyncio.sleep(0.01 * (3 - x))
    print("fetched", x)
    return x * x


async def main():
    coros = [fetch(x) for x in range(3)]
    results = await asyncio.gather(*coros)
    print(results)
    jobs = [fetch(x) for x in (1, 2)]
    await asyncio.gather(*jobs)
    print("done")


asyncio.run(main())
