# Another await in the same statement (an unsafe fix): the extra await now runs under the
# timeout, which does not change the result here.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    total = await value(1) + await asyncio.wait_for(value(2), 1)
    print(total)
    pair = (await asyncio.wait_for(value("a"), timeout=1), await value("b"))
    print(pair)


asyncio.run(main())
