# `import asyncio as aio` and `from asyncio import gather as g`.
import asyncio as aio
from asyncio import gather as g


async def value(x):
    await aio.sleep(0)
    return x


async def main():
    a, b = await aio.gather(value(1), value(2))
    print(a, b)
    res = await g(value(3), value(4))
    print(type(res).__name__, res)
    await g(value(5))
    print("done")


aio.run(main())
