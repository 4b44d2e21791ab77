# expect: unchanged
# `from asyncio import TimeoutError` already spells the builtin's name: left alone.
import asyncio
from asyncio import TimeoutError


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError:
        print("caught")


asyncio.run(main())
