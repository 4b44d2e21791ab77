# expect: unchanged
# `with contextlib.suppress(RuntimeError):` is a handler: the `asyncio.run` inside it raises
# RuntimeError in a running loop and is silently skipped (the coroutine never runs). Rewritten
# to `await`, the coroutine would run. Must refuse, like a `try/except RuntimeError`.
import asyncio
import contextlib
import warnings

warnings.simplefilter("ignore", RuntimeWarning)


async def side_effect():
    print("side effect ran")


async def main():
    with contextlib.suppress(RuntimeError):
        asyncio.run(side_effect())
    print("main done")


asyncio.run(main())
