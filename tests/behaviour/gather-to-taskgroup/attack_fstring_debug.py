# expect: unchanged
import asyncio


async def one():
    return 1


async def two():
    return 2


async def main():
    print(f"{await asyncio.gather(one(), two())=}")


asyncio.run(main())
