# expect: unchanged
# It delegates to a plain generator of this module: `await` cannot take a generator. Refused.
import asyncio
import types

if not hasattr(asyncio, "coroutine"):
    asyncio.coroutine = types.coroutine


def helper():
    yield from asyncio.sleep(0).__await__()
    return "from helper"


@asyncio.coroutine
def main():
    return (yield from helper())


async def runner():
    return await main()


print(asyncio.run(runner()))
