# fixes: safe
# expect: any
# `self.fetch()` in the base class is an `async def`, but a subclass overrides it with a plain
# `def` that returns a Future. `ensure_future` accepts the Future; `create_task` raises
# TypeError. A safe fix must not change this.
import asyncio


class Base:
    async def fetch(self):
        return "base"

    async def run(self):
        task = asyncio.ensure_future(self.fetch())
        return await task


class Cached(Base):
    def fetch(self):
        fut = asyncio.get_running_loop().create_future()
        fut.set_result("cached")
        return fut


async def main():
    print(await Base().run())
    try:
        print(await Cached().run())
    except TypeError as exc:
        print("TypeError:", exc)


asyncio.run(main())
