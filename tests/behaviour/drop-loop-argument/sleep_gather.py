# `loop=` on `sleep` and `gather` (a TypeError on 3.10+) is removed.
import asyncio


async def double(x, loop):
    await asyncio.sleep(0, loop=loop)
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(double(1, loop), double(2, loop), loop=loop)
    print(results)
    print(await asyncio.sleep(0, result="slept", loop=loop))


asyncio.run(main())
