# expect: unchanged
# A module-level AsyncClient used (and closed) in a single run.
import asyncio

import httpx
from httpserver import start

BASE = start()
client = httpx.AsyncClient(base_url=BASE)


async def main():
    response = await client.get("/json", params={"q": "1"})
    print(response.status_code, response.json()["args"])
    await client.aclose()
    print("closed:", client.is_closed)


asyncio.run(main())
