# Tasks that run one after the other print in the same order before and after.
import asyncio
import time

log = []


async def worker(name, delay):
    log.append(f"{name} start")
    time.sleep(delay)
    log.append(f"{name} end")
    return name


async def main():
    first = await asyncio.create_task(worker("a", 0.01))
    second = await asyncio.create_task(worker("b", 0))
    print(first, second)
    print(log)


asyncio.run(main())
