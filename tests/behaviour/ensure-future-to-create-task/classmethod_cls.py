# `cls.m()` in a classmethod, `@staticmethod` async defs through `self.`: rewritten as an
# unsafe fix (a subclass could override the method), and behaviour is kept here.
import asyncio


class Jobs:
    @staticmethod
    async def double(x):
        await asyncio.sleep(0)
        return 2 * x

    @classmethod
    async def run(cls):
        task = asyncio.ensure_future(cls.double(5))
        return await task

    async def run_static(self):
        return await asyncio.ensure_future(self.double(7))


async def main():
    print(await Jobs.run(), await Jobs().run_static())


asyncio.run(main())
