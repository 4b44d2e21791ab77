# fixes: safe
# `loop` is bound twice and both calls are rewritten, but one branch still reads the loop after
# its call: neither assignment may go (deleting them leaves a NameError behind).
import asyncio
import os


async def main(flag):
    if flag:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, os.getcwd)
        print("same loop", loop is asyncio.get_running_loop())
    else:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, os.getcwd)
        print("other branch")


asyncio.run(main(True))
asyncio.run(main(False))
