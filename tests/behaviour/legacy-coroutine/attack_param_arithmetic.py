# expect: unchanged
# `a + 1` calls `a.__add__`, which may return an awaitable: the decorator awaited it.
import asyncio

import coroutine_shim  # noqa: F401  (asyncio.coroutine on 3.11+)


class Lazy:
    def __add__(self, other):
        return asyncio.sleep(0, result=f"awaited sum {other}")


@asyncio.coroutine
def add(a):
    return a + 1


@asyncio.coroutine
def negate(a):
    return -a


class Neg:
    def __neg__(self):
        return asyncio.sleep(0, result="awaited negation")


async def main():
    print(await add(Lazy()))
    print(await negate(Neg()))


asyncio.run(main())
