# expect: unchanged
# An Event waited on in one run, then awaited from a second loop: it fails there.
import asyncio

event = None


async def create():
    global event
    event = asyncio.Event()
    waiter = asyncio.create_task(event.wait())
    await asyncio.sleep(0)
    event.set()
    await waiter
    print("first run waited")


async def reuse():
    event.clear()
    waiter = asyncio.create_task(event.wait())
    await asyncio.sleep(0)
    event.set()
    try:
        await waiter
        print("second run waited")
    except RuntimeError as exc:
        print("second run failed:", "different event loop" in str(exc))


asyncio.run(create())
asyncio.run(reuse())
