# expect: unchanged
# `time.sleep(-1)` raises ValueError; `asyncio.sleep(-1)` would not: refused.
import asyncio
import time


async def main():
    try:
        time.sleep(-1)
    except ValueError as exc:
        print("ValueError:", exc)


asyncio.run(main())
