# expect: unchanged
# Sync code is not a finding; a handler that returns is reported without a fix.
import asyncio


def classify(exc):
    try:
        raise exc
    except asyncio.CancelledError:
        return "cancelled"


async def fetch(fut):
    try:
        return await fut
    except asyncio.CancelledError:
        return "fallback"


async def main():
    print(classify(asyncio.CancelledError()))
    fut = asyncio.get_running_loop().create_future()
    fut.cancel()
    print(await fetch(fut))


asyncio.run(main())
