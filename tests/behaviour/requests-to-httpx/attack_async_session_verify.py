# expect: any
# `verify=` and `auth=` on calls of a session in `async def`.
import asyncio

import requests
from httpserver import refused_url, start

BASE = start()


async def main():
    with requests.Session() as s:
        r = s.get(BASE + "/json", verify=True, auth=("u", "p"))
        print(r.status_code, r.json()["headers"])


asyncio.run(main())
