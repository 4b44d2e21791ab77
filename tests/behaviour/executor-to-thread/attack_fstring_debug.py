# expect: unchanged
import asyncio


def compute(x):
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    print(f"{await loop.run_in_executor(None, compute, 21)=}")


asyncio.run(main())
