# fixes: safe
# expect: any
# `fetch = wrapped(fetch)` after the definition: the name no longer holds the `async def`.
import asyncio
import functools


async def fetch(key):
    return f"fetched {key}"


def wrapped(func):
    @functools.wraps(func)
    def inner(key):
        return asyncio.ensure_future(func(key))

    return inner


fetch = wrapped(fetch)


async def main():
    try:
        print(await asyncio.ensure_future(fetch("a")))
    except TypeError as exc:
        print("TypeError", type(exc).__name__)


asyncio.run(main())
