# fixes: safe
# `loop` is bound in each branch; one call has a safe fix, the other only an unsafe one (a
# function of this module may read context variables). Without --unsafe-fixes only the safe
# call is rewritten: both assignments must stay, or the unsafe branch raises NameError.
import asyncio
import os


def work(x):
    return x * 2


async def main(flag):
    if flag:
        loop = asyncio.get_running_loop()
        print(await loop.run_in_executor(None, os.getcwd) == os.getcwd())
    else:
        loop = asyncio.get_running_loop()
        print(await loop.run_in_executor(None, work, 21))


asyncio.run(main(True))
asyncio.run(main(False))
