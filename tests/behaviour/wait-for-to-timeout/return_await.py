# `return await wait_for(...)`: value returned and timeout raised through the return.
import asyncio


async def value(x, delay):
    await asyncio.sleep(delay)
    return x


async def fetch(x, delay):
    return await asyncio.wait_for(value(x, delay), 0.05)


async def main():
    print(await fetch("quick", 0))
    try:
        print(await fetch("slow", 1))
    except TimeoutError:
        print("slow timed out")


asyncio.run(main())
