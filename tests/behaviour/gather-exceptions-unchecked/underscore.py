# expect: unchanged
# Assigning to `_` discards the results too.
import asyncio


async def fail(i):
    await asyncio.sleep(0)
    raise OSError(i)


async def main():
    _ = await asyncio.gather(fail(1), fail(2), return_exceptions=True)
    print("both failures dropped")


asyncio.run(main())
