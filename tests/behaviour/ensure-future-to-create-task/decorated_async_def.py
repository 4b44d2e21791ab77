# A decorated `async def` is not provably a coroutine function: an unsafe fix; with this
# wraps-style decorator it still returns a coroutine.
import asyncio
import functools


def logged(fn):
    @functools.wraps(fn)
    async def inner(*args):
        print("calling", fn.__name__)
        return await fn(*args)
    return inner


@logged
async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def main():
    print(await asyncio.ensure_future(add(2, 3)))


asyncio.run(main())
