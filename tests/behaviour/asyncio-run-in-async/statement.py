# `asyncio.run(x)` inside `async def` raised RuntimeError; `await x` runs it on the same loop.
import asyncio


async def step(name):
    await asyncio.sleep(0)
    print("ran", name)


async def main():
    asyncio.run(step("first"))
    asyncio.run(step("second"))


asyncio.run(main())
