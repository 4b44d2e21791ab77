# expect: unchanged
# `debug=` has no `await` equivalent: refused (the RuntimeError is caught by an outer caller).
import asyncio
import warnings

warnings.simplefilter("ignore", RuntimeWarning)


async def job():
    return 1


async def inner():
    return asyncio.run(job(), debug=True)


async def main():
    try:
        await inner()
    except RuntimeError as exc:
        print("RuntimeError:", exc)


asyncio.run(main())
