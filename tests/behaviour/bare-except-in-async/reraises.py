# expect: unchanged
# A handler that re-raises: not a finding; the task is cancelled.
import asyncio


async def worker():
    try:
        await asyncio.sleep(3600)
    except:
        print("cleanup")
        raise


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())


asyncio.run(main())
