# expect: unchanged
# `except Exception:` does not catch CancelledError: not a finding.
import asyncio


async def worker():
    try:
        await asyncio.sleep(3600)
    except Exception:
        print("never printed")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print("cancelled:", task.cancelled())


asyncio.run(main())
