# expect: unchanged
# Runs in two helper functions of one module.
import asyncio


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


def first():
    return asyncio.run(double(1))


def second():
    return asyncio.run(double(2))


print(first(), second())
