# expect: unchanged
# A bare except swallows the cancellation: the task finishes normally.
import asyncio


async def worker():
    try:
        await asyncio.sleep(3600)
    except:
        print("swallowed")
    return "finished anyway"


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    print(await task, task.cancelled())


asyncio.run(main())
