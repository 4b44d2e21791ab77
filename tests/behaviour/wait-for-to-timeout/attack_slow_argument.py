# expect: any
# fixes: safe
# Slow synchronous work in the awaitable's arguments: `wait_for` evaluates `build()` before
# the deadline starts; `async with asyncio.timeout(t)` would start the deadline first, and the
# work would eat it. A safe fix must not move the call under the timeout.
import asyncio
import time


def build():
    time.sleep(0.3)
    return "payload"


async def send(data):
    await asyncio.sleep(0.01)
    return f"sent {data}"


async def main():
    try:
        r = await asyncio.wait_for(send(build()), 0.2)
        print(r)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
