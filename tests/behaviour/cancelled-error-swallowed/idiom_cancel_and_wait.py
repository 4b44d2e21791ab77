# expect: unchanged
# `t.cancel()` then `try: await t / except CancelledError: pass` is the cancel-and-wait idiom,
# not a finding; neither is a handler that re-raises (`raise`, `raise exc`, another error).
import asyncio


async def forever():
    await asyncio.sleep(10)


async def reraise(kind):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as exc:
        if kind == "bare":
            raise
        elif kind == "named":
            raise exc
        raise RuntimeError("converted")


async def main():
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print("idiom: cancelled =", t.cancelled())
    for kind in ["bare", "named", "other"]:
        r = asyncio.create_task(reraise(kind))
        await asyncio.sleep(0)
        r.cancel()
        await asyncio.wait({r})
        print(kind, r.cancelled() or type(r.exception()).__name__)


asyncio.run(main())
