# The coroutine raises: the exception type and message reach the caller the same way, the
# code after the `try` runs, and the result of a second, separate program step is kept.
import asyncio


async def main(n):
    await asyncio.sleep(0)
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n + 1


try:
    asyncio.get_event_loop().run_until_complete(main(-1))
except ValueError as exc:
    print("ValueError:", exc)
print("after try")
