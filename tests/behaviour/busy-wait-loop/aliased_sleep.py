# expect: unchanged
# `from asyncio import sleep as nap` is the same sleep.
import asyncio
from asyncio import sleep as nap

box = []


async def fill():
    await nap(0.002)
    box.append("item")


async def main():
    task = asyncio.create_task(fill())
    while not box:
        await nap(0.001)
    print(box)
    await task


asyncio.run(main())
