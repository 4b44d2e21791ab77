# A plain `def` that returns a coroutine: not provable, an unsafe fix that works here.
import asyncio


async def _real(n):
    await asyncio.sleep(0)
    return n + 100


def wrapper(n):
    return _real(n)


async def main():
    print(await asyncio.ensure_future(wrapper(1)))


asyncio.run(main())
