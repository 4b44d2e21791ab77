# expect: unchanged
# The debug field prints the call's source text.
import asyncio


async def job():
    return 5


async def main():
    text = f"{asyncio.ensure_future(job())=}"
    print(text.split("=")[0])
    await asyncio.sleep(0)


asyncio.run(main())
