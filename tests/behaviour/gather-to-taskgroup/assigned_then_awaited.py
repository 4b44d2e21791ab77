# `fut = asyncio.gather(...)` directly followed by the one statement that awaits it (the name
# used nowhere else): the same as awaiting the gather there, so it becomes a TaskGroup block.
import asyncio

log = []


async def value(x):
    log.append(f"start {x}")
    await asyncio.sleep(0)
    return x


async def main():
    fut = asyncio.gather(value(1), value("two"))
    a, b = await fut
    print(a, b)
    pending = asyncio.gather(value(3), value(4))
    await pending
    results = asyncio.gather(value(5), value(6))
    total = await results
    print(total, type(total).__name__)
    print(log)


async def returned():
    both = asyncio.gather(value(7), value(8))
    return await both


asyncio.run(main())
print(asyncio.run(returned()))
