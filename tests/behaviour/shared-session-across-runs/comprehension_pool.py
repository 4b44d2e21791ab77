# expect: unchanged
# A list of clients built at import time.
import asyncio

import httpx

pool = [httpx.AsyncClient(base_url=f"http://127.0.0.1:9/{i}") for i in range(3)]


async def main():
    print([c.base_url.path for c in pool])
    await asyncio.gather(*(c.aclose() for c in pool))
    print(all(c.is_closed for c in pool))


asyncio.run(main())
