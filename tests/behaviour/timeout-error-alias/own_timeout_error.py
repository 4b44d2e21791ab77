# expect: unchanged
# The module defines its own `TimeoutError`: the bare name would mean that class, so refused.
import asyncio


class TimeoutError(Exception):
    pass


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError:
        print("own class caught it (wrong)")
    except asyncio.TimeoutError:
        print("asyncio's timeout caught")


asyncio.run(main())
