# expect: unchanged
# `except BaseException as exc:` that logs and goes on.
import asyncio


async def worker():
    try:
        await asyncio.sleep(3600)
    except BaseException as exc:
        print("caught", type(exc).__name__)
    return 1


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0)
    task.cancel()
    print(await task)


asyncio.run(main())
