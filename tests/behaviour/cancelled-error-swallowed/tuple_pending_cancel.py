# A tuple handler catches ValueError while a cancellation of this task is pending
# (`cancelling()` is already 1): the rewrite re-raises only a CancelledError
# (`isinstance(exc, ...)`), so the ValueError is still swallowed here.
import asyncio


async def worker():
    asyncio.current_task().cancel()
    try:
        raise ValueError("boom")
    except (asyncio.CancelledError, ValueError) as exc:
        print("caught", type(exc).__name__)
    print("after the handler")
    try:
        await asyncio.sleep(0)
    except ValueError:
        print("not reached")
    print("not reached either")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.wait({task})
    print("worker cancelled:", task.cancelled())


asyncio.run(main())
