# expect: unchanged
# wait_for inside a comprehension: one timeout would cover every iteration, so refused.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    values = [await asyncio.wait_for(value(i), 1) for i in range(3)]
    print(values)
    total = sum([await asyncio.wait_for(value(i), timeout=1) for i in range(4)])
    print(total)


asyncio.run(main())
