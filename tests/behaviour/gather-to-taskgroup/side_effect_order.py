# Tasks start in argument order and interleave the same way; results come back in argument
# order, whatever order the coroutines finish in.
import asyncio


async def worker(name, steps, delay):
    print("start", name)
    for i in range(steps):
        await asyncio.sleep(0)
        print(name, "step", i)
    await asyncio.sleep(delay)
    print("finish", name)
    return name


async def main():
    print("before")
    order = await asyncio.gather(worker("a", 2, 0.05), worker("b", 1, 0), worker("c", 3, 0.02))
    print("after", order)
    x, y = await asyncio.gather(worker("x", 1, 0), worker("y", 0, 0))
    print(x, y)


asyncio.run(main())
