# expect: unchanged
# A `timeout(None)` bound with `as` may get a deadline later (`cm.reschedule(...)`): it is not a
# no-op and must stay.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(1)
        print("no timeout")
    except TimeoutError:
        print("timed out after reschedule")


asyncio.run(main())
