# expect: unchanged
# The recommended shape: one client per run, created inside `async def`.
import asyncio

import httpx
from httpserver import start

BASE = start()


async def fetch(path):
    async with httpx.AsyncClient(base_url=BASE) as client:
        return (await client.get(path)).status_code


print(asyncio.run(fetch("/json")))
print(asyncio.run(fetch("/status/404")))
