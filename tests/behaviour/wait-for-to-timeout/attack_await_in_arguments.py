# expect: unchanged
# An `await` inside the awaitable's arguments: `wait_for` awaits it before the deadline
# starts; it must never move under the timeout. Refused.
import asyncio


async def slow(x):
    await asyncio.sleep(0.2)
    return x


async def work(x):
    await asyncio.sleep(0)
    return x + 1


async def main():
    try:
        print(await asyncio.wait_for(work(await slow(1)), 0.1))
    except TimeoutError:
        print("timed out")


asyncio.run(main())
