# expect: unchanged
# A class of this module named AsyncClient is not httpx's.
import asyncio


class AsyncClient:
    def __init__(self):
        self.calls = 0

    async def get(self, path):
        self.calls += 1
        return f"fake {path}"


client = AsyncClient()


async def main():
    print(await client.get("/x"), client.calls)


asyncio.run(main())
asyncio.run(main())
