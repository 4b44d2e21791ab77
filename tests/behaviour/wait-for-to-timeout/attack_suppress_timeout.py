# `contextlib.suppress(TimeoutError)` and `except asyncio.TimeoutError` around the call: the
# timeout is still swallowed after the rewrite (on 3.11 the names are one class), and the code
# after the statement runs the same way.
import asyncio
import contextlib


async def slow():
    await asyncio.sleep(1)
    return "never"


async def fast():
    await asyncio.sleep(0)
    return "fast"


async def main():
    result = "unset"
    with contextlib.suppress(TimeoutError):
        result = await asyncio.wait_for(slow(), 0.05)
        print("not reached")
    print("after suppress", result)
    with contextlib.suppress(asyncio.TimeoutError):
        result = await asyncio.wait_for(fast(), 0.5)
    print("after second suppress", result)
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except asyncio.TimeoutError as exc:
        print("caught", type(exc).__name__)


asyncio.run(main())
