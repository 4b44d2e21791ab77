# The handler swallows on purpose, then the code after the `try` flushes: the re-raise is
# deferred past the flush (kept in a fresh name, raised at the end of the function).
import asyncio

flushed = []


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        pass
    flushed.append("flushed")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print(flushed)


asyncio.run(main())
