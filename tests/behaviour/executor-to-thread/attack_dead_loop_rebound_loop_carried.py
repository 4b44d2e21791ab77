# fixes: safe
# `loop` is rebound at the end of a loop body, after the call, and read after the loop: the
# call's binding is the first assignment (or the previous iteration's); nothing may go.
import asyncio
import os


async def main():
    loop = asyncio.get_running_loop()
    for _ in range(2):
        await loop.run_in_executor(None, os.getcwd)
        loop = asyncio.get_running_loop()
    print(loop is asyncio.get_running_loop())
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, os.getcwd)


asyncio.run(main())
