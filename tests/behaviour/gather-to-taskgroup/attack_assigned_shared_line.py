# expect: unchanged
# The assignment shares its line with other code, or the await is part of a bigger statement
# that evaluates something first: refused.
import asyncio

log = []


async def value(x):
    log.append(f"child {x}")
    await asyncio.sleep(0)
    return x


def note(tag):
    log.append(tag)
    return tag


async def main():
    fut = asyncio.gather(value(1)); log.append("same line")
    print(await fut)
    other = asyncio.gather(value(2))
    pair = (note("before the await"), await other)
    print(pair, log)


asyncio.run(main())
