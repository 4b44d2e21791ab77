# differs: code after the `try` no longer runs
# The worker swallows its own cancellation and carries on; after the rewrite the handler
# re-raises, so the code after the `try` is skipped and the canceller sees CancelledError.
import asyncio


async def worker(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cleanup")
    log.append("after the try")
    return "worker returned"


async def main():
    log = []
    task = asyncio.create_task(worker(log))
    await asyncio.sleep(0)
    task.cancel()
    try:
        print(await task)
    except asyncio.CancelledError:
        print("task was cancelled")
    print(log)


asyncio.run(main())
