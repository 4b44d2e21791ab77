# expect: unchanged
# A deferred re-raise: the cancellation is kept, cleanup runs, then it is raised. Not a
# finding at all.
import asyncio

log = []


async def worker():
    cancelled = None
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as exc:
        cancelled = exc
    log.append("cleanup")
    if cancelled is not None:
        raise cancelled


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log.append("cancelled")
    print(log)


asyncio.run(main())
