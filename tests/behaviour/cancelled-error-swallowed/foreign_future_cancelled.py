# A CancelledError from an awaited future that someone else cancelled is not this task's
# cancellation: `cancelling()` is 0 and the rewritten handler still swallows it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.cancel)
    try:
        await fut
    except asyncio.CancelledError:
        print("the future was cancelled; carrying on")
    print("main continues after the try")
    return "done"


print(asyncio.run(main()))
