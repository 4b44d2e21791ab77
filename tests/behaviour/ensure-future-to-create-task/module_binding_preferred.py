# `from asyncio import ensure_future` next to `import asyncio`: spelled `asyncio.create_task`.
import asyncio
from asyncio import ensure_future


async def fetch(key):
    await asyncio.sleep(0)
    return key * 2


async def main():
    task = ensure_future(fetch("ab"))
    print(await task)


asyncio.run(main())
