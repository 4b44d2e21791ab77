# differs: whoever awaits the task (the canceller too) now gets CancelledError
# The worker swallows its own cancellation and returns; after the rewrite the handler
# re-raises, so the canceller's `await task` raises CancelledError instead of returning None.
import asyncio


async def worker(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cleanup")


async def main():
    log = []
    task = asyncio.create_task(worker(log))
    await asyncio.sleep(0)
    task.cancel()
    try:
        print("task returned", await task)
    except asyncio.CancelledError:
        print("task was cancelled")
    print(log)


asyncio.run(main())
