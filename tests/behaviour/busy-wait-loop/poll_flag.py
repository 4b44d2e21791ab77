# expect: unchanged
# A task polls a module flag another task sets: a finding, the code untouched.
import asyncio

ready = False


async def producer():
    global ready
    await asyncio.sleep(0.005)
    ready = True


async def main():
    task = asyncio.create_task(producer())
    while not ready:
        await asyncio.sleep(0.001)
    await task
    print("ready", ready)


asyncio.run(main())
