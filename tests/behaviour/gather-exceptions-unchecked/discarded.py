# expect: unchanged
# The result of `gather(..., return_exceptions=True)` is dropped: the error is lost silently.
import asyncio


async def ok():
    await asyncio.sleep(0)
    print("ok ran")


async def fail():
    await asyncio.sleep(0)
    raise ValueError("lost")


async def main():
    await asyncio.gather(ok(), fail(), return_exceptions=True)
    print("no exception reached main")


asyncio.run(main())
