# expect: unchanged
# The polling task is cancelled while it sleeps.
import asyncio


class Box:
    full = False


async def poll(box):
    try:
        while not box.full:
            await asyncio.sleep(0.001)
    except asyncio.CancelledError:
        return "poller cancelled"


async def main():
    task = asyncio.create_task(poll(Box()))
    await asyncio.sleep(0.003)
    task.cancel()
    print(await task)


asyncio.run(main())
