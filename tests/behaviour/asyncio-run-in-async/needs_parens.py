# `asyncio.run(a if c else b)` → `await (a if c else b)`; `.attr` on the result → `(await x).attr`.
import asyncio


class Box:
    def __init__(self, value):
        self.value = value


async def boxed(x):
    return Box(x)


async def main(flag):
    chosen = asyncio.run(boxed(1) if flag else boxed(2))
    print(chosen.value)
    print(asyncio.run(boxed("attr")).value)
    print(asyncio.run(boxed([10, 20])).value[1])


asyncio.run(main(False))
