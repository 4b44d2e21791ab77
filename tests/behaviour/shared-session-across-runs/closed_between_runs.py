# expect: unchanged
# The first run closes the shared client; the second run cannot use it any more.
import asyncio

import httpx
from httpserver import start

BASE = start()
client = httpx.AsyncClient()


async def first():
    async with client:
        response = await client.get(BASE + "/status/204")
        print("first run:", response.status_code)


async def second():
    try:
        await client.get(BASE + "/json")
    except RuntimeError as exc:
        print("second run:", type(exc).__name__, "closed" in str(exc))


asyncio.run(first())
asyncio.run(second())
