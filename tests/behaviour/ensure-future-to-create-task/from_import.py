# `from asyncio import ensure_future` only: `create_task` is added to that import and the
# unused `ensure_future` goes.
from asyncio import ensure_future, run, sleep


async def fetch(key):
    await sleep(0)
    return key.upper()


async def main():
    task = ensure_future(fetch("a"))
    print(await task, task.done())


run(main())
