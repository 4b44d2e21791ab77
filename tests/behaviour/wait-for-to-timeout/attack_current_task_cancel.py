# The awaited coroutine cancels `asyncio.current_task()`: on 3.11 that was `wait_for`'s inner
# task, after the rewrite it is the caller's. The caller catches the cancellation and goes on
# awaiting; what it prints and returns must not change.
import asyncio


async def cancels_itself():
    asyncio.current_task().cancel()
    await asyncio.sleep(0)
    return "not reached"


async def main():
    try:
        value = await asyncio.wait_for(cancels_itself(), 1)
        print(value)
    except asyncio.CancelledError:
        print("cancelled")
    await asyncio.sleep(0)
    print("still running")
    return "main done"


print(asyncio.run(main()))
