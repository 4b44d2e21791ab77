# expect: unchanged
# `httpx.AsyncClient(timeout=None)` (as requests-to-httpx writes it) without a per-request timeout.
import asyncio

import httpx
from httpserver import start

BASE = start()


async def main():
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as client:
        print((await client.get(BASE + "/json")).status_code)
        print((await client.get(BASE + "/status/202", timeout=5)).status_code)


asyncio.run(main())
