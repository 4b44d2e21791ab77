# expect: unchanged
# The name is reassigned at module level: it may not be the `async def` any more.
import asyncio


async def fetch():
    return "async"


def _sync_fetch():
    print("sync fetch ran")


fetch = _sync_fetch


async def main():
    fetch()
    print("main done")


asyncio.run(main())
