# expect: unchanged
# The statement shares its line with another: refused.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    a = 1; b = await asyncio.wait_for(value(2), 1)
    print(a, b)


asyncio.run(main())
