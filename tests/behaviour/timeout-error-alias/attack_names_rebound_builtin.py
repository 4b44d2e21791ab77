# expect: unchanged
# The module binds its own `TimeoutError` inside a `try` block (not at the top level):
# `except TimeoutError` would no longer catch asyncio's.
import asyncio

try:
    from concurrent.futures import TimeoutError as _Base
except ImportError:  # pragma: no cover
    _Base = Exception
else:

    class TimeoutError(_Base):  # noqa: A001
        pass


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("caught")


asyncio.run(main())
