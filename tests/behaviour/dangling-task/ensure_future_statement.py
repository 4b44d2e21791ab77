# `asyncio.ensure_future(...)` as a statement is a dangling task too.
import asyncio

done = []


async def job(name):
    await asyncio.sleep(0)
    done.append(name)


async def main():
    asyncio.ensure_future(job("a"))
    asyncio.ensure_future(job("b"))
    await asyncio.sleep(0.01)
    print(done)


asyncio.run(main())
