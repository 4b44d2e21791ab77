# `except (ValueError, asyncio.CancelledError):` without a name gets a fresh `as` name for
# the isinstance test; a variable called `exc` in the function is left alone.
import asyncio


async def parse(text):
    exc = "the caller's own variable"
    try:
        await asyncio.sleep(0)
        return int(text)
    except (ValueError, asyncio.CancelledError):
        print("bad input", repr(text))
    print(exc)
    return -1


async def main():
    print(await parse("12"))
    print(await parse("x"))


asyncio.run(main())
