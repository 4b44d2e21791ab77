# expect: any
# `loop` is bound in a branch the call does not sit in: the assignment is not deleted (when it
# ran, the call used it; deleting it is only possible where it always runs first).
import asyncio
import os


async def main(flag):
    if flag:
        loop = asyncio.get_running_loop()
    else:
        loop = None
    if loop is not None:
        print(await loop.run_in_executor(None, os.getcwd) == os.getcwd())
    else:
        print("no loop")


asyncio.run(main(True))
asyncio.run(main(False))
