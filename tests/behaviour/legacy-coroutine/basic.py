# `@asyncio.coroutine` + `yield from` → `async def` + `await` (the original cannot import on 3.11).
import asyncio


@asyncio.coroutine
def fetch(n):
    yield from asyncio.sleep(0)
    return n * 2


@asyncio.coroutine
def main():
    total = 0
    for i in range(3):
        total += yield from fetch(i)
    print("total", total)


asyncio.run(main())
