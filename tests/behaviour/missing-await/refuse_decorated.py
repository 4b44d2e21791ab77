# expect: unchanged
# A decorated `async def`: the decorator may change what the call returns (here it schedules
# the coroutine as a task, which runs without `await`).
import asyncio

started = []


def background(fn):
    def schedule(*args):
        return asyncio.ensure_future(fn(*args))
    return schedule


@background
async def ping(x):
    started.append(x)


async def main():
    ping("a")
    await asyncio.sleep(0.01)
    print(started)


asyncio.run(main())
