# `self.m()` of an `async def` method.
import asyncio
import sys


class Cache:
    def __init__(self):
        self.hits = 0

    async def warm(self):
        await asyncio.sleep(0)
        print("warming", file=sys.stderr)

    async def get(self, key):
        self.warm()
        self.hits += 1
        return key.upper()


async def main():
    cache = Cache()
    print(await cache.get("a"), cache.hits)


asyncio.run(main())
