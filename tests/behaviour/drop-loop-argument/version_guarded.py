# expect: unchanged
# Under `if sys.version_info < (3, 10):` the `loop=` argument is still right: not touched.
import asyncio
import sys


async def main():
    loop = asyncio.get_running_loop()
    if sys.version_info < (3, 10):
        lock = asyncio.Lock(loop=loop)
    else:
        lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())


asyncio.run(main())
