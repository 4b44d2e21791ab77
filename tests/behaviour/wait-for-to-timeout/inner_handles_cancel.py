# The awaitable reacts to the cancellation caused by the timeout: it swallows it and returns a
# value, or turns it into another exception, or raises its own TimeoutError.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn: cancelled, returning anyway")
    return "late value"


async def converts():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise RuntimeError("cleanup failed")


async def own_timeout():
    await asyncio.sleep(0)
    raise TimeoutError("inner")


async def main():
    try:
        result = await asyncio.wait_for(stubborn(), 0.05)
        print("result", result)
    except TimeoutError:
        print("timed out")
    try:
        await asyncio.wait_for(converts(), 0.05)
    except Exception as exc:
        print(type(exc).__name__, exc)
    try:
        await asyncio.wait_for(own_timeout(), 1)
    except TimeoutError as exc:
        print("TimeoutError", exc)


asyncio.run(main())
