# expect: unchanged
# `timeout=None` meaning "no deadline", passed through to `asyncio.timeout(None)`.
import asyncio


async def work(timeout=None):
    async with asyncio.timeout(timeout):
        await asyncio.sleep(0.001)
    return f"finished (timeout={timeout})"


async def main():
    print(await work())
    print(await work(timeout=5))


asyncio.run(main())
