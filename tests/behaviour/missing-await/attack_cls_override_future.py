# expect: any
# `cls.warm()` is an `async def` classmethod; a subclass overrides it with a sync classmethod
# that raises at once. Rewritten or refused, the exception and its message must be the same.
import asyncio


class Cache:
    warmed = []

    @classmethod
    async def warm(cls):
        await asyncio.sleep(0)

    @classmethod
    async def boot(cls):
        cls.warm()
        return len(cls.warmed)


class Eager(Cache):
    @classmethod
    def warm(cls):
        cls.warmed.append("eager")
        raise RuntimeError("warm failed synchronously")


async def main():
    try:
        print(await Eager.boot())
    except RuntimeError as exc:
        print("RuntimeError:", exc)


asyncio.run(main())
