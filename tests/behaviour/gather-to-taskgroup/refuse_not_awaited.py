# expect: unchanged
# gather not awaited directly (stored, passed on, awaited later) is not rewritten.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    pending = asyncio.gather(value(1), value(2))
    print("created")
    print(await pending)
    bounded = await asyncio.wait_for(asyncio.gather(value(3), value(4)), 1)
    print(bounded)
    outer = asyncio.ensure_future(asyncio.gather(value(5)))
    print(await outer)


asyncio.run(main())
