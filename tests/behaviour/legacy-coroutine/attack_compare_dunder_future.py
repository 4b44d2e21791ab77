# expect: unchanged
# `x == 1` calls `x.__eq__`, which may return a future: the decorator awaited it, `async def`
# would return the future itself. A comparison of anything but literals is not provably
# non-awaitable.
import asyncio

import coroutine_shim  # noqa: F401  (asyncio.coroutine on 3.11+)


class Weird:
    def __eq__(self, other):
        fut = asyncio.get_running_loop().create_future()
        fut.set_result("future from __eq__")
        return fut

    __hash__ = object.__hash__


@asyncio.coroutine
def compare(x):
    return x == 1


async def main():
    result = await compare(Weird())
    print(type(result).__name__, result)


asyncio.run(main())
