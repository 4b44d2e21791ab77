# `import requests as rq` and `from requests import get` inside `async def`.
import asyncio

import requests as rq
from httpserver import start
from requests import get

BASE = start()


async def main():
    r = rq.get(BASE + "/json", params={"a": "1"})
    print(r.status_code, r.json()["args"])
    r = get(BASE + "/redirect")
    print(r.json()["path"])
    try:
        rq.get(BASE + "/status/500").raise_for_status()
    except rq.exceptions.HTTPError:
        print("HTTPError")


asyncio.run(main())
