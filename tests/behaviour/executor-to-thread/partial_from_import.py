# `from functools import partial`: the import goes once unused.
import asyncio
from functools import partial


def power(base, exp=2):
    return base**exp


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, partial(power, exp=3), 2))


asyncio.run(main())
