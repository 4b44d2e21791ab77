# expect: unchanged
# No `yield from`, and it returns an awaitable: the decorator awaited it, `async def` would
# not. Refused. (The decorator is stood in for so that the program runs on 3.11.)
import asyncio
import functools

if not hasattr(asyncio, "coroutine"):
    def _coroutine(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            result = func(*args, **kwargs)
            if hasattr(result, "__await__"):
                result = await result
            return result
        return wrapper

    asyncio.coroutine = _coroutine


@asyncio.coroutine
def delayed():
    return asyncio.sleep(0, result="awaited by the decorator")


async def main():
    print(await delayed())


asyncio.run(main())
