# expect: unchanged
# A client as a class attribute is created at import time too.
import asyncio

import httpx


class Api:
    client = httpx.AsyncClient(base_url="http://127.0.0.1:9")

    async def base(self):
        return str(self.client.base_url)


async def main():
    print(await Api().base())
    await Api.client.aclose()
    print(Api.client.is_closed)


asyncio.run(main())
