# expect: any
# fixes: safe
# wait_for where it is evaluated only when needed (a branch of a conditional expression, after
# `or`, an `assert` message, the right end of a chained comparison): the timeout is evaluated
# only when the call is. Hoisting evaluates it always, here on `None`.
import asyncio


class Options:
    timeout = 1


async def value(x):
    await asyncio.sleep(0)
    return x


async def fetch(options):
    return await asyncio.wait_for(value("fetched"), options.timeout) if options is not None else "default"


async def fetch_cached(cache, key, options):
    result = cache.get(key) or await asyncio.wait_for(value("miss"), options.timeout)
    return result


async def check(options):
    assert options is None, await asyncio.wait_for(value("message"), options.timeout)
    below = 0 > 1 > await asyncio.wait_for(value(2), options.timeout)
    return below


async def main():
    print(await fetch(Options()))
    try:
        print(await fetch(None))
    except Exception as exc:
        print("failed:", type(exc).__name__)
    try:
        print(await fetch_cached({"k": "hit"}, "k", None))
    except Exception as exc:
        print("failed:", type(exc).__name__)
    try:
        print("check", await check(None))
    except Exception as exc:
        print("failed:", type(exc).__name__)


asyncio.run(main())
