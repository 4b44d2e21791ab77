# expect: unchanged
# `"%s" % x` with `x` a str subclass: Python tries `x.__rmod__` first, which may return an
# awaitable. Only operands that are themselves literals or displays make a provable value.
import asyncio

import coroutine_shim  # noqa: F401  (asyncio.coroutine on 3.11+)


class Sneaky(str):
    def __rmod__(self, other):
        return asyncio.sleep(0, result="awaited __rmod__")


@asyncio.coroutine
def fmt(x):
    return "%s" % x


@asyncio.coroutine
def one_of(x):
    return x if x else 1


@asyncio.coroutine
def either(x):
    return x or 5


async def main():
    print(await fmt(Sneaky("s")))
    print(await one_of(asyncio.sleep(0, result="awaited branch")))
    print(await either(asyncio.sleep(0, result="awaited operand")))


asyncio.run(main())
