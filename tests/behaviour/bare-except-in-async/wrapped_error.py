# expect: unchanged
# `raise Other() from exc` replaces the cancellation with another error (a finding).
import asyncio


async def worker():
    try:
        await asyncio.sleep(3600)
    except BaseException as exc:
        raise RuntimeError("wrapped") from exc


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except RuntimeError as exc:
        print("got", exc, type(exc.__cause__).__name__)


asyncio.run(main())
