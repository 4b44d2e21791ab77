# Several coroutines that each call `requests`, gathered; results printed in gather order.
import asyncio

import requests
from httpserver import start

BASE = start()


async def fetch(n):
    r = requests.get(BASE + "/json", params={"n": n})
    return r.json()["args"]["n"][0]


async def size(n):
    body = requests.get(BASE + f"/bytes?n={n}").content
    return len(body)


async def main():
    print(await asyncio.gather(fetch(1), fetch(2), fetch(3)))
    print(await asyncio.gather(*[size(n) for n in (0, 5, 50)]))


asyncio.run(main())
