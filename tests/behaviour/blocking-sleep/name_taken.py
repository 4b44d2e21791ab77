# expect: unchanged
# The name `asyncio` is a parameter here: no way to spell `asyncio.sleep`, so refused.
import time


async def main(asyncio):
    time.sleep(0)
    return asyncio


coro = main("a parameter")
try:
    coro.send(None)
except StopIteration as stop:
    print("returned", stop.value)
