# expect: unchanged
# `*coros` of unknown content: refused.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    coros = [value(1), value(2)]
    res = await asyncio.gather(*coros)
    print(res)
    task = asyncio.ensure_future(value(3))
    mixed = await asyncio.gather(*[task], value(4))
    print(mixed)
    shared = asyncio.ensure_future(value(5))
    print(await asyncio.gather(*[shared for _ in range(3)]))


asyncio.run(main())
