# `timeout=None` waits as long as it takes.
import asyncio


async def work():
    await asyncio.sleep(0.01)
    return "finished"


async def main():
    value = await asyncio.wait_for(work(), timeout=None)
    print(value)
    value = await asyncio.wait_for(work(), None)
    print(value)


asyncio.run(main())
