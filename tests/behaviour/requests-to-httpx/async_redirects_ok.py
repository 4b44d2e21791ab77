# Redirects and `.ok` inside `async def`: followed by default, kept with
# `allow_redirects=False`, `requests.head` not following.
import asyncio

import requests
from httpserver import start

BASE = start()


async def main():
    r = requests.get(BASE + "/redirect")
    print(r.status_code, r.json()["path"], r.ok)
    r = requests.get(BASE + "/redirect", allow_redirects=False)
    print(r.status_code, r.ok, r.headers["Location"])
    r = requests.head(BASE + "/redirect")
    print(r.status_code)
    r = requests.get(BASE + "/status/404")
    print(r.status_code, r.ok, r.reason)


asyncio.run(main())
