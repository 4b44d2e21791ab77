# expect: unchanged
# A plain `yield` would make the function an async generator: refused. (The program defines
# the decorator itself so that it runs on 3.11.)
import asyncio
import types

if not hasattr(asyncio, "coroutine"):
    asyncio.coroutine = types.coroutine


@asyncio.coroutine
def ticker():
    yield
    return "ticked"


async def main():
    print(await ticker())


asyncio.run(main())
