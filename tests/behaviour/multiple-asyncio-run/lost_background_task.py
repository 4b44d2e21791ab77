# expect: unchanged
# A task started in the first run is cancelled when that run ends; the second run never sees it.
import asyncio

events = []


async def background():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        events.append("background cancelled at end of run 1")
        raise


async def first():
    global task
    task = asyncio.create_task(background())
    await asyncio.sleep(0)


async def second():
    events.append(f"task done in run 2: {task.done()}")


asyncio.run(first())
asyncio.run(second())
print("\n".join(events))
