# Handlers that still catch an ExceptionGroup (`except Exception`, `except BaseException`,
# a bare `except`, `suppress(Exception)`), a `finally` only, and a gather in a handler's own
# body (its `try` does not guard it): not refusals, the rewrite goes ahead.
import asyncio
import contextlib


async def ok(x):
    await asyncio.sleep(0)
    return x


async def bad():
    await asyncio.sleep(0)
    raise ValueError("bad")


async def main():
    try:
        await asyncio.gather(ok(1), bad())
    except Exception:
        print("failed")
    try:
        await asyncio.gather(bad(), ok(2))
    except BaseException:
        print("failed again")
    with contextlib.suppress(Exception):
        await asyncio.gather(ok(3), bad())
    print("suppressed")
    try:
        res = await asyncio.gather(ok(4), ok(5))
    finally:
        print("finally")
    print(res)
    try:
        raise KeyError("k")
    except KeyError:
        more = await asyncio.gather(ok(6), ok(7))
        print("in handler", more)


asyncio.run(main())
