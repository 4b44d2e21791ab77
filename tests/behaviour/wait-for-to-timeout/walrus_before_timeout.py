# expect: any
# fixes: safe
# A name bound by `:=` inside the awaitable and read by the timeout: wait_for evaluates the
# awaitable first, `async with asyncio.timeout(t)` would read `t` before it is rebound.
import asyncio


async def main():
    t = 0.05
    try:
        r = await asyncio.wait_for(asyncio.sleep(0.2, t := 1), t)
        print("result", r)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
