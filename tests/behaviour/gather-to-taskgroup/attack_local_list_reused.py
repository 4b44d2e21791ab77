# expect: unchanged
# A local list of coroutines used again after the gather, built from a function that is not
# an `async def` of this module, or appended to: the content is not known. Refused.
import asyncio


async def fetch(x):
    await asyncio.sleep(0)
    return x


def make(x):
    return asyncio.ensure_future(fetch(x))


async def main():
    coros = [fetch(x) for x in range(2)]
    print(await asyncio.gather(*coros))
    print(len(coros))
    futures = [make(x) for x in range(2)]
    print(await asyncio.gather(*futures))
    more = [fetch(x) for x in range(2)]
    more.append(make(5))
    print(await asyncio.gather(*more))


asyncio.run(main())
