# fixes: safe
# `loop` is bound twice, once in each branch (pymongo's asynchronous/pool.py), and each binding
# only feeds the rewritten call under it: the fix deletes both assignments with the calls, and
# the program prints the same.
import asyncio
import os


async def main(flag):
    if flag:
        loop = asyncio.get_running_loop()
        cwd = await loop.run_in_executor(None, os.getcwd)
    else:
        loop = asyncio.get_event_loop()
        cwd = await loop.run_in_executor(None, os.path.abspath, ".")
    print(flag, cwd == os.getcwd())


asyncio.run(main(True))
asyncio.run(main(False))
