# The awaitables' arguments are evaluated where they were (the assignment came directly before
# the await: nothing ran in between), in the same order, before any child runs.
import asyncio

log = []


def arg(x):
    log.append(f"arg {x}")
    return x


async def value(x):
    log.append(f"child {x}")
    await asyncio.sleep(0)
    return x


async def main():
    fut = asyncio.gather(
        value(arg(1)),  # first
        # the second one
        value(arg(2)),
    )
    out = await fut
    print(out, log)


asyncio.run(main())
