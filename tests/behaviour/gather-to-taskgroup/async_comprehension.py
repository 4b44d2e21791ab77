# expect: any
# `*[f(x) async for x in source()]`: gather runs the whole async comprehension before any
# task starts; creating the tasks inside the comprehension starts them while it still runs.
import asyncio


async def source():
    for i in range(3):
        print("produce", i)
        await asyncio.sleep(0)
        yield i


async def work(x):
    print("work", x)
    await asyncio.sleep(0)
    return x


async def main():
    res = await asyncio.gather(*[work(x) async for x in source()])
    print(res)


asyncio.run(main())
