# expect: unchanged
# A queue filled in one run and drained in another (works for non-blocking calls only).
import asyncio

queue = None


async def fill():
    global queue
    queue = asyncio.Queue()
    for i in range(3):
        queue.put_nowait(i)


async def drain():
    items = []
    while not queue.empty():
        items.append(queue.get_nowait())
    print(items)


asyncio.run(fill())
asyncio.run(drain())
