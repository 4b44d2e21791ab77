# A plain `def` helper (sync code, even when called from `async def`) and an `async def`
# caller: the helper keeps a synchronous client, the coroutine gets an async one.
import asyncio

import requests
from httpserver import start

BASE = start()


def fetch_sync(path):
    return requests.get(BASE + path).json()["path"]


async def fetch_async(path):
    return requests.get(BASE + path).json()["path"]


async def main():
    print(fetch_sync("/redirect"))
    print(await fetch_async("/redirect"))
    inner = lambda: requests.get(BASE + "/json").status_code  # noqa: E731
    print(inner())


asyncio.run(main())
