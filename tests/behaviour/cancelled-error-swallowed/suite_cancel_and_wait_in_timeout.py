# expect: unchanged
# From aiojobs: cancel a task, then wait for it under a timeout and swallow its cancellation.
# The cancel-and-wait idiom, with the await inside `async with asyncio.timeout(...)`.
import asyncio


async def job():
    await asyncio.sleep(10)


async def close(task):
    task.cancel()
    try:
        async with asyncio.timeout(1):
            await task
    except asyncio.CancelledError:
        pass
    return "closed"


async def main():
    task = asyncio.create_task(job())
    await asyncio.sleep(0)
    print(await close(task), task.cancelled())


asyncio.run(main())
