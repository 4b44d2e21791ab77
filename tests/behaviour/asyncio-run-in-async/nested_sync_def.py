# expect: unchanged
# A `def` inside `async def` may run in a thread with no loop, where `asyncio.run` is right.
import asyncio


async def job(x):
    return x + 1


async def main():
    def in_thread():
        return asyncio.run(job(41))

    print(await asyncio.to_thread(in_thread))
    runner = lambda: asyncio.run(job(1))
    print(await asyncio.to_thread(runner))


asyncio.run(main())
