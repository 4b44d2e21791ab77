# expect: unchanged
# `while True: await asyncio.sleep(...)` sleeps until cancelled: not a poll, not a finding.
import asyncio


async def keepalive():
    try:
        while True:
            await asyncio.sleep(0.001)
    except asyncio.CancelledError:
        print("keepalive cancelled")
        raise


async def main():
    task = asyncio.create_task(keepalive())
    await asyncio.sleep(0.005)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main saw the cancellation")


asyncio.run(main())
