# The timeout fires; the program catches both spellings of the timeout error.
import asyncio


async def slow():
    await asyncio.sleep(1)
    return "too late"


async def main():
    try:
        value = await asyncio.wait_for(slow(), 0.05)
        print("value", value)
    except asyncio.TimeoutError as exc:
        print("asyncio.TimeoutError", type(exc).__name__, isinstance(exc, TimeoutError))
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
        print("no timeout")
    except TimeoutError as exc:
        print("TimeoutError", type(exc).__name__)
    print("done")


asyncio.run(main())
