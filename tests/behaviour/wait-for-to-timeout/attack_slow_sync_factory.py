# expect: any
# fixes: safe
# The awaitable comes from a plain `def` of this module that does slow work before returning
# the coroutine: the call itself would now run under the deadline.
import asyncio
import time


async def work():
    await asyncio.sleep(0.01)
    return "done"


def make_work():
    time.sleep(0.3)
    return work()


async def main():
    try:
        value = await asyncio.wait_for(make_work(), 0.2)
        print(value)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
