# expect: unchanged
# An enclosing `try` of the same function catches a specific exception type: a TaskGroup
# raises an ExceptionGroup, which `except ValueError` does not catch. Refused.
import asyncio


async def ok():
    await asyncio.sleep(0.01)
    return "ok"


async def bad():
    await asyncio.sleep(0)
    raise ValueError("bad input")


async def main():
    try:
        await asyncio.gather(ok(), bad())
    except ValueError as exc:
        print("caught", exc)
    try:
        if True:
            results = await asyncio.gather(bad(), ok())
            print(results)
    except (KeyError, ValueError) as exc:
        print("caught again", exc)


asyncio.run(main())
