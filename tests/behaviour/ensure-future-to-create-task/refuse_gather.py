# expect: unchanged
# `ensure_future(gather(...))` wraps a future: `create_task` would raise TypeError.
import asyncio


async def one():
    return 1


async def main():
    combined = asyncio.ensure_future(asyncio.gather(one(), one()))
    print(await combined)


asyncio.run(main())
