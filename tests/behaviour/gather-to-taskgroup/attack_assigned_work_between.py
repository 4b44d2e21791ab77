# expect: unchanged
# Something runs between the assignment and the await: gather scheduled the children at the
# assignment, so they run at the first suspension in between (and before the synchronous code
# after it finishes); a TaskGroup block at the await would start them later. Refused.
import asyncio

log = []


async def value(x):
    log.append(f"child {x}")
    await asyncio.sleep(0)
    return x


async def main():
    fut = asyncio.gather(value(1), value(2))
    log.append("between (sync)")
    await asyncio.sleep(0)
    log.append("between (after a suspension)")
    print(await fut)
    other = asyncio.gather(value(3))
    if log:
        print(await other)
    print(log)


asyncio.run(main())
