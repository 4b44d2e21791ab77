# `from asyncio import *` binds `TimeoutError` to asyncio's, which on 3.11 is the builtin:
# `asyncio.TimeoutError` is still rewritten and behaves the same.
import asyncio
from asyncio import *  # noqa: F403


async def main():
    try:
        await wait_for(sleep(1), 0.01)  # noqa: F405
    except asyncio.TimeoutError:
        print("caught")
    print(TimeoutError is asyncio.TimeoutError)


asyncio.run(main())
