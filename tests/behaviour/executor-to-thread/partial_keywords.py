# `functools.partial(f, *a, **kw)` is unpacked: `to_thread(f, *a, *args, **kw)`.
import asyncio
import functools


def describe(*args, sep="-", **kwargs):
    return sep.join(map(str, args)) + " " + ",".join(f"{k}={v}" for k, v in sorted(kwargs.items()))


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, functools.partial(describe, 1, 2, sep="+")))
    print(await loop.run_in_executor(None, functools.partial(describe, 1, x=9), 3, 4))
    print(await loop.run_in_executor(None, functools.partial(describe), "only"))


asyncio.run(main())
