# Module-level and sync calls of `asyncio.run` stay; only the one inside `async def` changes.
import asyncio


async def leaf():
    return "leaf"


async def middle():
    return "middle+" + asyncio.run(leaf())


def sync_entry():
    return asyncio.run(middle())


print(sync_entry())
print(asyncio.run(leaf()))
