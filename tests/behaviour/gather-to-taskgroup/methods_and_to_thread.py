# Awaitables that are method calls, `asyncio.to_thread` (a coroutine) and `asyncio.sleep`.
import asyncio


def blocking(x):
    return x + 100


class Service:
    def __init__(self, name):
        self.name = name

    async def get(self, key):
        await asyncio.sleep(0)
        return f"{self.name}.{key}"

    async def both(self):
        return await asyncio.gather(self.get("a"), self.get("b"))


async def main():
    s = Service("svc")
    print(await s.both())
    t, slept, got = await asyncio.gather(asyncio.to_thread(blocking, 1), asyncio.sleep(0, "slept"), s.get("c"))
    print(t, slept, got)


asyncio.run(main())
