# `with requests.Session() as s:` inside `async def`: session headers, cookies, several calls.
import asyncio

import requests
from httpserver import start

BASE = start()


async def main():
    with requests.Session() as s:
        s.headers.update({"X-Session": "async"})
        r = s.get(BASE + "/cookies/set?token=abc")
        print(r.status_code, r.json())
        r = s.get(BASE + "/json", headers={"X-Call": "1"})
        print(r.json()["headers"])
        r = s.post(BASE + "/echo", data={"q": "1"})
        print(r.json()["body"], r.json()["headers"])
        print(s.get(BASE + "/redirect").json()["path"])
    print("closed")


asyncio.run(main())
