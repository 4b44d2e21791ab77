# A coroutine from a library (`asyncio.sleep`) is not provably one of ours: an unsafe fix,
# still the same behaviour.
import asyncio


async def main():
    task = asyncio.ensure_future(asyncio.sleep(0, result="slept"))
    print(await task)


asyncio.run(main())
