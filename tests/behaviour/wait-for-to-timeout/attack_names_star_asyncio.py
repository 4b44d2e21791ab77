# `from asyncio import *` binds `wait_for`, `sleep`, `run`: the wait_for is found and
# rewritten, and the program behaves the same.
from asyncio import *  # noqa: F403


async def value(x):
    await sleep(0)  # noqa: F405
    return x


async def main():
    got = await wait_for(value(7), 1)  # noqa: F405
    print(got)
    try:
        await wait_for(sleep(1), 0.05)  # noqa: F405
    except TimeoutError:
        print("timed out")


run(main())  # noqa: F405
