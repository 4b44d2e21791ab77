# `loop = asyncio.get_event_loop()`, one run, `loop.close()`: all three become `asyncio.run`.
import asyncio


async def compute(n):
    await asyncio.sleep(0)
    return n * 2


loop = asyncio.get_event_loop()
result = loop.run_until_complete(compute(21))
loop.close()
print("result", result)
