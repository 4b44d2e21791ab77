# expect: unchanged
# A `timeout` parameter with a default, hit and not hit: a finding, the code untouched.
import asyncio


async def fetch(delay, timeout=0.01):
    async with asyncio.timeout(timeout):
        await asyncio.sleep(delay)
        return f"got after {delay}"


async def main():
    print(await fetch(0))
    try:
        await fetch(1)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
