# A decorated function without `yield from` that returns a constant (or nothing).
import asyncio


@asyncio.coroutine
def answer():
    return 42


@asyncio.coroutine
def nothing():
    print("side effect")


@asyncio.coroutine
def main():
    print((yield from answer()))
    print((yield from nothing()))
    print(asyncio.iscoroutinefunction(answer))


asyncio.run(main())
