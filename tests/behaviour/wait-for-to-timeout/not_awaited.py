# expect: unchanged
# wait_for not awaited directly (passed to gather / create_task, returned from a sync def or
# lambda) is left alone.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


def bounded(x):
    return asyncio.wait_for(value(x), 1)


async def main():
    both = await asyncio.gather(asyncio.wait_for(value(1), 1), value(2))
    print(both)
    task = asyncio.create_task(asyncio.wait_for(value(3), 1))
    print(await task)
    print(await bounded(4))
    make = lambda: asyncio.wait_for(value(5), 1)
    print(await make())
    try:
        await asyncio.gather(asyncio.wait_for(asyncio.sleep(1), 0.05))
    except TimeoutError:
        print("timed out in gather")


asyncio.run(main())
