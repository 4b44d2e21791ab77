# expect: any
# fixes: safe
# `yield await wait_for(...)` in an async generator: the timeout covers only the await. Moving
# the `yield` into an `async with asyncio.timeout(...)` block keeps the deadline running while
# the consumer holds the value, and when it fires it cancels the consumer's task.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def numbers():
    yield await asyncio.wait_for(value(1), 0.05)
    yield 2


async def main():
    try:
        async for n in numbers():
            print("got", n)
            await asyncio.sleep(0.2)  # the consumer takes its time
        print("all consumed")
    except BaseException as exc:
        print("failed:", type(exc).__name__)


asyncio.run(main())
