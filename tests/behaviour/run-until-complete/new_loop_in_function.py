# A fresh `new_event_loop()` per call, closed in `finally` (the `finally` keeps a `pass`):
# the same as `asyncio.run` on every call.
import asyncio


async def work(n):
    await asyncio.sleep(0)
    return n + 1


def run_sync(n):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(work(n))
    finally:
        loop.close()


print(run_sync(1), run_sync(2))
