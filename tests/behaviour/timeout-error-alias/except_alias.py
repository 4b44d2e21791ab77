# `except asyncio.TimeoutError` becomes `except TimeoutError`: still catches the timeout.
import asyncio


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("caught the timeout")


asyncio.run(main())
