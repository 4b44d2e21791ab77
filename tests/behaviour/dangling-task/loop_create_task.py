# `loop.create_task(...)` on the running loop, by name and chained.
import asyncio

events = []


async def record(x):
    await asyncio.sleep(0)
    events.append(x)


async def main():
    loop = asyncio.get_running_loop()
    loop.create_task(record("named loop"))
    asyncio.get_running_loop().create_task(record("chained loop"))
    await asyncio.sleep(0.01)
    print(sorted(events))


asyncio.run(main())
