# A second `await` after the `wait_for` in the same statement: only the `wait_for` may go
# under the deadline. `slow()` takes longer than the timeout and must not be cut short.
import asyncio


async def fast(x):
    await asyncio.sleep(0)
    return x


async def slow(x):
    await asyncio.sleep(0.2)
    return x


async def main():
    total = await asyncio.wait_for(fast(1), 0.1) + await slow(2)
    print("total", total)
    pair = (await asyncio.wait_for(fast("a"), timeout=0.1), await slow("b"))
    print("pair", pair)
    print("sum", await asyncio.wait_for(fast(3), 0.1) + await slow(4))
    return_value = await helper()
    print("helper", return_value)


async def helper():
    return await asyncio.wait_for(fast(5), 0.1) * await slow(6)


asyncio.run(main())
