# expect: unchanged
# A keyword-only, annotated `timeout`.
import asyncio


async def request(path: str, *, timeout: float | None = None) -> str:
    if timeout is None:
        return f"{path}: unbounded"
    async with asyncio.timeout(timeout):
        await asyncio.sleep(0)
        return f"{path}: within {timeout}"


async def main():
    print(await request("/a"))
    print(await request("/b", timeout=1.5))


asyncio.run(main())
