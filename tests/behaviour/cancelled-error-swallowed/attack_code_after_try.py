# Cleanup written after the `try` (not in the handler) must still run after the rewrite; the
# program observes the cleanup, not whether the task ended cancelled.
import asyncio


async def worker(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("handler")
    log.append("cleanup after try")


async def main():
    log = []
    task = asyncio.create_task(worker(log))
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.wait({task})
    print(log, task.done())


asyncio.run(main())
