# expect: unchanged
# `with contextlib.suppress(ValueError):` is a handler too: the ExceptionGroup a TaskGroup
# raises would not be suppressed. Refused.
import asyncio
import contextlib


async def ok():
    await asyncio.sleep(0.01)
    return "ok"


async def bad():
    await asyncio.sleep(0)
    raise ValueError("bad input")


async def main():
    with contextlib.suppress(ValueError):
        await asyncio.gather(ok(), bad())
        print("not reached")
    print("suppressed")


asyncio.run(main())
