# expect: unchanged
# `import httpx as hx` and `from httpx import AsyncClient as AC`.
import asyncio

import httpx as hx
from httpx import AsyncClient as AC

one = hx.AsyncClient(base_url="http://127.0.0.1:9/one")
two = AC(base_url="http://127.0.0.1:9/two")


async def main():
    for c in (one, two):
        print(c.base_url.path)
        await c.aclose()


asyncio.run(main())
