# fixes: safe
# The argument calls an `async def` of this module: provably a coroutine, a safe fix.
import asyncio


async def work(n):
    await asyncio.sleep(0)
    return n * n


async def main():
    tasks = [asyncio.ensure_future(work(i)) for i in range(4)]
    print([type(t).__name__ for t in tasks])
    print(await asyncio.gather(*tasks))


asyncio.run(main())
