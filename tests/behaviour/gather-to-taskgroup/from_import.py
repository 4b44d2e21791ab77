# `from asyncio import gather, run` without `import asyncio`; one gather is refused
# (return_exceptions=True), so the `gather` import must stay.
from asyncio import gather, run, sleep


async def value(x):
    await sleep(0)
    return x


async def main():
    res = await gather(value(1), value(2))
    print(type(res).__name__, res)
    kept = await gather(value(3), return_exceptions=True)
    print(kept)


run(main())
