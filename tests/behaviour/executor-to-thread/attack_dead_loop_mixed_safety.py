# fixes: safe
# One use of `loop` gets a safe fix, the other only an unsafe one (a function of this module
# may read context variables). Without --unsafe-fixes only the safe call is rewritten: `loop`
# must stay, or the second call raises NameError.
import asyncio
import time


def work(x):
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 0)
    print(await loop.run_in_executor(None, work, 21))


asyncio.run(main())
