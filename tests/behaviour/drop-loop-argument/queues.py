# The queue family with `loop=` (positional arguments before it stay).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    queues = [
        asyncio.Queue(loop=loop),
        asyncio.PriorityQueue(3, loop=loop),
        asyncio.LifoQueue(maxsize=3, loop=loop),
    ]
    for q in queues:
        for item in (2, 3, 1):
            await q.put(item)
        print(type(q).__name__, q.maxsize, [q.get_nowait() for _ in range(3)])


asyncio.run(main())
