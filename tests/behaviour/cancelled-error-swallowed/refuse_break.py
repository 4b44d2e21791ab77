# expect: unchanged
# A handler that leaves with `break` is reported without a fix.
import asyncio


async def consumer(queue):
    seen = []
    while True:
        try:
            seen.append(await queue.get())
        except asyncio.CancelledError:
            break
    return seen


async def main():
    queue = asyncio.Queue()
    for i in range(3):
        queue.put_nowait(i)
    task = asyncio.create_task(consumer(queue))
    await asyncio.sleep(0.01)
    task.cancel()
    print(await task)


asyncio.run(main())
