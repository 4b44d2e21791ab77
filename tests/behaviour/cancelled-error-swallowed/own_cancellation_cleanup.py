# The task's own cancellation reaches the handler: `cancelling()` is 1 there, so the rewrite
# re-raises; the program only observes the cleanup and that the task finished.
import asyncio


async def worker(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(f"cleanup, cancelling={asyncio.current_task().cancelling()}")


async def main():
    log = []
    task = asyncio.create_task(worker(log))
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.wait({task})
    print(log, task.done())


asyncio.run(main())
