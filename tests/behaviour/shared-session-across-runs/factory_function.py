# expect: unchanged
# Clients made by a function or a lambda are created when called: not findings.
import asyncio

import httpx


def make_client():
    return httpx.AsyncClient(timeout=3)


make_other = lambda: httpx.AsyncClient(timeout=4)


async def main():
    for factory in (make_client, make_other):
        async with factory() as client:
            print(client.timeout.read)


asyncio.run(main())
