# `from requests import Session, get` local to an async function.
import asyncio
import sys

from httpserver import start

print("httpx loaded with the module:", "httpx" in sys.modules)


async def fetch(url):
    from requests import get

    r = get(url, params={"q": "async"})
    return r.json()["args"]


BASE = start()
print(asyncio.run(fetch(BASE + "/json")))
