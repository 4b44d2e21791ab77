# fixes: safe
# An `async with asyncio.timeout(None):` wrapper sets no deadline: the block is dropped and its
# body moves left (a comment on the header stays, a multi-line string is not touched).
import asyncio


async def work(n):
    await asyncio.sleep(0)
    return n


async def main():
    async with asyncio.timeout(None):  # no deadline here
        a = await work(1)
        text = """first
    second"""
        for i in range(2):
            a += await work(i)
    async with asyncio.timeout_at(None): b = await work(5)
    print(a, b, repr(text))


asyncio.run(main())
