# The value comes back: assignment, return, an operand of `+`.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def compute():
    a = asyncio.run(value(1))
    b = a + asyncio.run(value(2))
    return asyncio.run(value(b * 10))


async def main():
    print(await compute())


asyncio.run(main())
