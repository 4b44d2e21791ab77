# Another await in the same statement: evaluated before the `wait_for`, the statement is
# refused (it would move under the timeout); evaluated after it, only the `wait_for` moves into
# the block, its result into a fresh name.
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
