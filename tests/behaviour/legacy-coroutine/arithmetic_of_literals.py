# No `yield from`, and every returned value is arithmetic, a conditional or a boolean operation
# over values that can never be awaitable (literals, displays): `async def` returns the same.
import asyncio

import coroutine_shim  # noqa: F401  (asyncio.coroutine on 3.11+)


@asyncio.coroutine
def product():
    return 2 * 21


@asyncio.coroutine
def negative():
    return -1


@asyncio.coroutine
def joined():
    return [1] + [2] + [(1, 2) * 2] + ["a" + "b" * 2]


@asyncio.coroutine
def pick(flag):
    if flag:
        return 1 if flag else "never"
    return None or 5


@asyncio.coroutine
def ordered():
    return "%d-%s" % (1, "x") if 1 < 2 < 3 else None


async def main():
    print(await product(), await negative(), await joined())
    print(await pick(True), await pick(False), await ordered())


asyncio.run(main())
