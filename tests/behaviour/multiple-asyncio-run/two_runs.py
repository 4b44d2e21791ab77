# expect: unchanged
# Two top-level runs: each gets its own loop.
import asyncio


async def loop_id():
    return id(asyncio.get_running_loop()) != 0


async def setup():
    print("setup", await loop_id())


async def serve():
    print("serve", await loop_id())


asyncio.run(setup())
asyncio.run(serve())
