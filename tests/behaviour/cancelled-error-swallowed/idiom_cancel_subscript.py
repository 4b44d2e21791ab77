# expect: unchanged
# The cancel-and-wait idiom with a subscripted receiver: swallowing is the point.
import asyncio


class Pool:
    def __init__(self):
        self._tasks = {}

    async def start(self, key):
        self._tasks[key] = asyncio.create_task(asyncio.sleep(10))

    async def stop(self, key):
        self._tasks[key].cancel()
        try:
            await self._tasks[key]
        except asyncio.CancelledError:
            pass
        return f"stopped {key}"


async def main():
    pool = Pool()
    await pool.start("a")
    print(await pool.stop("a"))


asyncio.run(main())
