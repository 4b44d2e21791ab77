# expect: any
# Inside `async def`, a session is handed to a plain `def` helper that calls it synchronously:
# with an `httpx.AsyncClient` the helper would get coroutines back.
import asyncio

import requests
from httpserver import start

BASE = start()


def status(session, path):
    return session.get(BASE + path).status_code


async def main():
    with requests.Session() as s:
        print(status(s, "/json"), status(s, "/status/404"))
        print(s.get(BASE + "/redirect").json()["path"])


asyncio.run(main())
