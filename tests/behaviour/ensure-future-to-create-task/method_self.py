# `self.m()` of an `async def` method of the enclosing class: an unsafe fix (a subclass could
# override the method with one that returns a future); no subclass here, behaviour is kept.
import asyncio


class Worker:
    def __init__(self, name):
        self.name = name

    async def step(self, i):
        await asyncio.sleep(0)
        return f"{self.name}:{i}"

    async def run(self):
        first = asyncio.ensure_future(self.step(1))
        second = asyncio.ensure_future(self.step(2))
        return [await first, await second]


print(asyncio.run(Worker("w").run()))
