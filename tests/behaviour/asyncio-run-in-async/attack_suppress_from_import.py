# expect: unchanged
# The same, spelled `from contextlib import suppress as quiet` and suppressing a base class.
import asyncio
import warnings
from contextlib import suppress as quiet

warnings.simplefilter("ignore", RuntimeWarning)


async def work():
    print("work ran")


async def main():
    with quiet(Exception):
        asyncio.run(work())
    print("after")


asyncio.run(main())
