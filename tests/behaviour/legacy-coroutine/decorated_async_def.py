# `@asyncio.coroutine` on an `async def` (a no-op in 3.8-3.10): only the decorator goes.
import asyncio


@asyncio.coroutine
async def modern():
    await asyncio.sleep(0)
    return "modern"


print(asyncio.run(modern()))
