# Under `if sys.version_info < (3, 11):` there is no `cancelling()`: that branch gets a plain
# `raise`; the 3.11+ branch (the one that runs here) gets the `cancelling()` test.
import asyncio
import sys

if sys.version_info < (3, 11):
    async def wait_for_future(fut):
        try:
            return await fut
        except asyncio.CancelledError:
            print("old branch")
        return None
else:
    async def wait_for_future(fut):
        try:
            return await fut
        except asyncio.CancelledError:
            print("future cancelled (3.11+ branch)")
        return None


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.cancel()
    print(await wait_for_future(fut))


asyncio.run(main())
