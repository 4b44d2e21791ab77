# expect: unchanged
# A second `await` evaluated before the `wait_for` in the same statement: it would move under
# the deadline (and `slow()` takes longer than the timeout). Refused.
import asyncio


async def fast(x):
    await asyncio.sleep(0)
    return x


async def slow(x):
    await asyncio.sleep(0.2)
    return x


async def main():
    total = await slow(1) + await asyncio.wait_for(fast(2), 0.1)
    print("total", total)
    pair = (await slow("a"), await asyncio.wait_for(fast("b"), timeout=0.1))
    print("pair", pair)


asyncio.run(main())
