# expect: unchanged
# A cancelled child shows up as a CancelledError value, not raised.
import asyncio


async def forever():
    await asyncio.sleep(3600)


async def main():
    task = asyncio.ensure_future(forever())
    loop = asyncio.get_running_loop()
    loop.call_soon(task.cancel)
    results = await asyncio.gather(task, asyncio.sleep(0, "done"), return_exceptions=True)
    print([type(r).__name__ for r in results])


asyncio.run(main())
