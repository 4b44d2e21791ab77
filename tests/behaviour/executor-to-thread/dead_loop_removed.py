# fixes: safe
# `loop = asyncio.get_running_loop()` only fed the rewritten calls: the fix deletes it with them
# (no unused variable is left), and the program prints the same.
import asyncio
import os
import time


async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 0)
    cwd = await loop.run_in_executor(None, os.getcwd)
    print(cwd == os.getcwd())


asyncio.run(main())
