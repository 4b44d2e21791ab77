# expect: unchanged
# `with contextlib.suppress(RuntimeError):` is a handler: `asyncio.run` inside a running loop
# raises RuntimeError, which is suppressed, so `work()` never ran. `await work()` would run it.
import asyncio
import contextlib
import warnings

warnings.simplefilter("ignore", RuntimeWarning)


async def work():
    print("work ran")
    return 1


async def main():
    with contextlib.suppress(RuntimeError):
        asyncio.run(work())
    print("after")


asyncio.run(main())
