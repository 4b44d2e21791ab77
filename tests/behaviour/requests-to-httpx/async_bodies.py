# Bodies inside `async def`: `json=`, `data={...}`, `data="text"`, `data=b"..."`.
import asyncio
import json

import requests
from httpserver import start

BASE = start()


async def main():
    r = requests.post(BASE + "/echo", json={"a": [1, 2]})
    print(r.json()["content_type"], json.loads(r.json()["body"]))
    r = requests.post(BASE + "/echo", data={"k": "v", "n": 1})
    print(r.json()["content_type"], r.json()["body"])
    r = requests.put(BASE + "/echo", data="text body")
    print(r.json()["method"], r.json()["body"])
    r = requests.patch(BASE + "/echo", data=b"bytes body")
    print(r.json()["method"], r.json()["body"])


asyncio.run(main())
