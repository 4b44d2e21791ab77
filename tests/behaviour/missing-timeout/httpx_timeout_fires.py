# expect: unchanged
# A per-request timeout turns a slow server into an error instead of a hang.
import asyncio

import httpx
from httpserver import start

BASE = start()


async def main():
    async with httpx.AsyncClient(timeout=None) as client:
        try:
            await client.get(BASE + "/slow?delay=1.0", timeout=0.05)
        except httpx.TimeoutException as exc:
            print("timed out:", type(exc).__name__)


asyncio.run(main())
