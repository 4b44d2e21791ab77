# expect: unchanged
# A Lock used uncontended in two runs (it binds to the loop only when it must wait).
import asyncio

lock = asyncio.Lock()


async def critical(name):
    async with lock:
        await asyncio.sleep(0)
        print(name, "held the lock")


asyncio.run(critical("run 1"))
asyncio.run(critical("run 2"))
