# Task `waiter` awaits task `victim`; main cancels the victim. The waiter's handler receives
# a foreign cancellation (its own `cancelling()` is 0), so it keeps swallowing it.
import asyncio


async def victim():
    await asyncio.sleep(10)


async def waiter(task):
    try:
        await task
    except asyncio.CancelledError:
        print("victim was cancelled")
    await asyncio.sleep(0)
    return "waiter finished normally"


async def main():
    v = asyncio.create_task(victim())
    w = asyncio.create_task(waiter(v))
    await asyncio.sleep(0)
    v.cancel()
    print(await w)
    print("victim cancelled:", v.cancelled())


asyncio.run(main())
