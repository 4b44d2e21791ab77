# expect: any
# fixes: safe
# A zero or negative timeout: on 3.11 `wait_for` times out without running the coroutine at
# all; `asyncio.timeout(0)` lets it run until it suspends (its prints happen), or to the end.
import asyncio


async def no_suspend():
    print("no_suspend ran")
    return "finished"


async def suspends():
    print("suspends started")
    await asyncio.sleep(0.01)
    return "finished"


async def main():
    for coro_fn in (no_suspend, suspends):
        try:
            value = await asyncio.wait_for(coro_fn(), 0)
            print(value)
        except TimeoutError:
            print("timed out at once")
    try:
        value = await asyncio.wait_for(suspends(), -1)
        print(value)
    except TimeoutError:
        print("negative: timed out")


asyncio.run(main())
