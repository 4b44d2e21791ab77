# `a, b = await gather(...)` and other unpacking targets.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


class Holder:
    pass


async def main():
    a, b = await asyncio.gather(value(1), value("two"))
    print(a, b)
    [c, d] = await asyncio.gather(value(3), value(4))
    print(c, d)
    first, *rest = await asyncio.gather(value(5), value(6), value(7))
    print(first, type(rest).__name__, rest)
    h = Holder()
    h.x, h.y = await asyncio.gather(value("x"), value("y"))
    print(h.x, h.y)
    (p, q), r = await asyncio.gather(value((8, 9)), value(10))
    print(p, q, r)
    [only] = await asyncio.gather(value("only"))
    print(only)
    solo, = await asyncio.gather(value("solo"))
    print(solo)


asyncio.run(main())
