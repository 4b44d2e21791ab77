# fixes: safe
# expect: any
# `cls.load()` is a classmethod `async def` in the base, overridden in a subclass by a sync
# classmethod returning an awaitable object (not a coroutine).
import asyncio


class Ready:
    def __await__(self):
        if False:
            yield
        return "ready"


class Loader:
    @classmethod
    async def load(cls):
        return "loaded"

    @classmethod
    async def start(cls):
        task = asyncio.ensure_future(cls.load())
        return await task


class Instant(Loader):
    @classmethod
    def load(cls):
        return Ready()


async def main():
    print(await Loader.start())
    try:
        print(await Instant.start())
    except TypeError as exc:
        print("TypeError:", type(exc).__name__)


asyncio.run(main())
