# expect: unchanged
# A `Path` subclass whose methods are coroutines: `MyPath(...)` is not `pathlib.Path(...)`, so
# nothing is reported or moved (a thread would call the coroutine function and hand back an
# un-awaited coroutine on another thread's terms).
import asyncio
import pathlib


class MyPath(type(pathlib.Path())):
    async def exists(self):
        await asyncio.sleep(0)
        return "async exists"


async def main():
    found = await MyPath(".").exists()
    print(found)


asyncio.run(main())
