# expect: unchanged
# An `except ValueError:` around the pair: a TaskGroup raises an ExceptionGroup, which it
# would not match. Refused as for a directly awaited gather.
import asyncio


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def main():
    try:
        fut = asyncio.gather(boom())
        await fut
    except ValueError as exc:
        print("caught", exc)


asyncio.run(main())
