# `cls.m()` in a classmethod, where `m` is an `async def` classmethod.
import asyncio
import sys


class Registry:
    @classmethod
    async def refresh(cls):
        await asyncio.sleep(0)
        print("refreshed", file=sys.stderr)

    @classmethod
    async def lookup(cls, name):
        cls.refresh()
        return len(name)


print(asyncio.run(Registry.lookup("abcd")))
