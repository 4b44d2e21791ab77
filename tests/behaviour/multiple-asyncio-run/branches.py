# expect: unchanged
# Runs in exclusive branches are still counted.
import asyncio
import sys


async def verbose():
    print("verbose mode")


async def quiet():
    print("quiet mode")


if "--verbose" in sys.argv:
    asyncio.run(verbose())
else:
    asyncio.run(quiet())
