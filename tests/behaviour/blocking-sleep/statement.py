# `time.sleep(x)` as a statement in `async def` becomes `await asyncio.sleep(x)`: it still waits.
import asyncio
import time


async def main():
    start = time.monotonic()
    time.sleep(0.02)
    print("waited", time.monotonic() - start >= 0.02)


asyncio.run(main())
