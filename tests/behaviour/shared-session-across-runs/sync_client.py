# expect: unchanged
# A sync `httpx.Client` at module level is not tied to a loop: not a finding.
import asyncio

import httpx
from httpserver import start

BASE = start()
client = httpx.Client(base_url=BASE)


async def main():
    response = await asyncio.to_thread(client.get, "/status/201")
    print(response.status_code)


asyncio.run(main())
asyncio.run(main())
client.close()
