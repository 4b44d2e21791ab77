# expect: unchanged
# A positional-only `timeout`, forwarded to `asyncio.wait_for`.
import asyncio


async def slow():
    await asyncio.sleep(1)
    return "slow"


async def bounded(timeout, /):
    try:
        return await asyncio.wait_for(slow(), timeout)
    except TimeoutError:
        return f"gave up after {timeout}"


print(asyncio.run(bounded(0.01)))
