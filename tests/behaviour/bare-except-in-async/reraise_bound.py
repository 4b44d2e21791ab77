# expect: unchanged
# `raise exc` of the bound name counts as re-raising.
import asyncio


async def worker():
    try:
        await asyncio.sleep(3600)
    except BaseException as exc:
        if isinstance(exc, asyncio.CancelledError):
            raise exc
        print("other")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    results = await asyncio.gather(task, return_exceptions=True)
    print([type(r).__name__ for r in results])


asyncio.run(main())
