# expect: unchanged
# An async generator called as a statement: reported, but `await` would be wrong.
import asyncio


async def ticks(n):
    for i in range(n):
        yield i


async def main():
    ticks(3)
    print([i async for i in ticks(3)])


asyncio.run(main())
