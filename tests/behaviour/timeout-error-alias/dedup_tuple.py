# `except (asyncio.TimeoutError, TimeoutError) as exc` becomes `except TimeoutError as exc`.
import asyncio


async def slow():
    await asyncio.sleep(1)


async def main():
    for timeout in (0.01, 0.02):
        try:
            async with asyncio.timeout(timeout):
                await slow()
        except (asyncio.TimeoutError, TimeoutError) as exc:
            print("caught", type(exc).__name__)


asyncio.run(main())
