# The legacy pattern: blocking `requests` calls inside `async def` (assignment, return,
# an expression statement), run with `asyncio.run`.
import asyncio

import requests
from httpserver import start

BASE = start()


async def fetch_path(path):
    r = requests.get(BASE + path, params={"from": "async"})
    return r.json()


async def status_of(path):
    return requests.get(BASE + path).status_code


async def main():
    data = await fetch_path("/json")
    print(data["method"], data["path"], data["args"])
    print(await status_of("/json"), await status_of("/status/404"))
    print(requests.get(BASE + "/json", headers={"X-Async": "1"}).json()["headers"])


asyncio.run(main())
