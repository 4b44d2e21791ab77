# expect: any
# `save = logged(save)` rebinds the name to a sync wrapper that schedules the coroutine
# itself; the bare call is correct as written.
import asyncio
import sys

pending = []


async def save(item):
    print("saved", item, file=sys.stderr)


def logged(func):
    def wrapper(item):
        pending.append(asyncio.ensure_future(func(item)))
        print("scheduled", item)

    return wrapper


save = logged(save)


async def main():
    save("a")
    await asyncio.gather(*pending)
    print("done")


asyncio.run(main())
