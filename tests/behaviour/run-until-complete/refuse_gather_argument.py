# expect: unchanged
# `asyncio.run` needs a coroutine; `gather(...)` returns a future.
import asyncio


async def one():
    return 1


async def two():
    return 2


loop = asyncio.get_event_loop()
print(loop.run_until_complete(asyncio.gather(one(), two())))
loop.close()
