# expect: unchanged
# A project module star-imported here binds its own `TimeoutError`: `except TimeoutError`
# would catch that class, not asyncio's timeout.
import asyncio
from star_shadow import *  # noqa: F403


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("caught the timeout")


asyncio.run(main())
