# `fut=` given by keyword, in either order with `timeout=`.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    first = await asyncio.wait_for(fut=value(1), timeout=1)
    second = await asyncio.wait_for(timeout=1, fut=value(2))
    print(first, second)
    try:
        await asyncio.wait_for(fut=asyncio.sleep(1), timeout=0.05)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
