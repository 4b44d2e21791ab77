# expect: unchanged
# A method with a `timeout` parameter, and a subclass overriding it with `@override`-style
# spelling left alone.
import asyncio


def override(func):
    return func


class Client:
    async def get(self, key, timeout=None):
        await asyncio.sleep(0)
        return f"{type(self).__name__} {key} {timeout}"


class Cached(Client):
    @override
    async def get(self, key, timeout=None):
        return "cached " + await super().get(key, timeout)


async def main():
    print(await Client().get("k", timeout=2))
    print(await Cached().get("k"))


asyncio.run(main())
