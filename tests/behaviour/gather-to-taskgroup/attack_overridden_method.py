# A method that is an `async def` in the base class but overridden in a subclass by a plain
# `def` that returns a Future: `self.load()` is not provably a coroutine, so `tg.create_task`
# would raise TypeError. Refused.
# expect: unchanged
import asyncio


class Base:
    async def load(self, x):
        await asyncio.sleep(0)
        return x

    async def both(self):
        return await asyncio.gather(self.load(1), self.load(2))


class Cached(Base):
    def load(self, x):
        fut = asyncio.get_running_loop().create_future()
        fut.set_result(x * 100)
        return fut


async def main():
    print(await Base().both())
    print(await Cached().both())


asyncio.run(main())
