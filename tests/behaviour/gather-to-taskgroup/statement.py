# `await gather(f(), g())` as a statement: the coroutines run, their results are discarded.
import asyncio

log = []


async def record(x):
    await asyncio.sleep(0)
    log.append(x)
    return x


async def main():
    await asyncio.gather(record("a"), record("b"), record("c"))
    print(log)
    await asyncio.gather(record("single"))
    print(log)


asyncio.run(main())
