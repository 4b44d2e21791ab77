# expect: unchanged
# The await is not the next statement of the same block (it is inside an `if` / `try`, or the
# assignment is in a loop body and the await after it): refused.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main(flag=True):
    fut = asyncio.gather(value(1), value(2))
    if flag:
        print(await fut)
    other = asyncio.gather(value(3))
    try:
        print(await other)
    finally:
        print("done")


asyncio.run(main())
