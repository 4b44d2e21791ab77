# `return await gather(...)`: the caller gets a list.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def fetch_pair(x):
    return await asyncio.gather(value(x), value(x * 10))


async def main():
    pair = await fetch_pair(4)
    print(type(pair).__name__, pair)
    print(await fetch_pair(5) == [5, 50])


asyncio.run(main())
