# expect: unchanged
# What the finding suggests: the caller's `asyncio.timeout` block bounds the call the same way
# the parameter did (both outcomes printed side by side).
import asyncio


async def with_parameter(delay, timeout):
    async with asyncio.timeout(timeout):
        await asyncio.sleep(delay)
        return "done"


async def without_parameter(delay):
    await asyncio.sleep(delay)
    return "done"


async def outcome(make):
    try:
        return await make()
    except TimeoutError:
        return "timeout"


async def bounded(delay, limit):
    async with asyncio.timeout(limit):
        return await without_parameter(delay)


async def main():
    for delay in (0, 1):
        a = await outcome(lambda: with_parameter(delay, 0.01))
        b = await outcome(lambda: bounded(delay, 0.01))
        print(delay, a, b, a == b)


asyncio.run(main())
