# expect: unchanged
# A default argument value is evaluated once, at definition: one shared client.
import asyncio

import httpx


async def describe(client=httpx.AsyncClient(headers={"X-Shared": "yes"})):
    return client.headers["x-shared"], client.is_closed


async def main():
    print(await describe())
    print(await describe())


asyncio.run(main())
