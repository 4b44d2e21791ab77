# fixes: safe
# `loop` is bound in each branch; one call is rewritten, the other uses a custom executor and is
# refused: both assignments must stay (the refused call still reads its `loop`).
import asyncio
import concurrent.futures
import os


async def main(flag):
    if flag:
        loop = asyncio.get_running_loop()
        print(await loop.run_in_executor(None, os.getcwd) == os.getcwd())
    else:
        loop = asyncio.get_running_loop()
        with concurrent.futures.ThreadPoolExecutor() as pool:
            print(await loop.run_in_executor(pool, os.getcwd) == os.getcwd())


asyncio.run(main(True))
asyncio.run(main(False))
