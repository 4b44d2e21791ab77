# expect: unchanged
# `gather()` with no awaitables returns an empty list at once: nothing to rewrite.
import asyncio


async def main():
    res = await asyncio.gather()
    print(type(res).__name__, res)
    print(await asyncio.gather(*[]))


asyncio.run(main())
