# `yield from` takes the whole conditional expression: `yield from a() if fast else b()` must
# become `await (a() if fast else b())`, not `(await a()) if fast else b()`.
import asyncio


@asyncio.coroutine
def a():
    return "a"


@asyncio.coroutine
def b():
    return "b"


@asyncio.coroutine
def pick(fast):
    value = yield from a() if fast else b()
    return value


async def main():
    print(await pick(True), await pick(False))


asyncio.run(main())
