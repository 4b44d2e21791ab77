# expect: unchanged
# Returned to the caller, which checks for BaseException.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    if x < 0:
        raise ValueError("negative")
    return x


async def collect(xs):
    return await asyncio.gather(*[value(x) for x in xs], return_exceptions=True)


async def main():
    for r in await collect([1, -1, 2]):
        print("failed" if isinstance(r, BaseException) else r)


asyncio.run(main())
