# expect: unchanged
# wait_for in an `if` header (and a `while` header) is refused.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    if await asyncio.wait_for(value(True), 1):
        print("truthy")
    n = 0
    while await asyncio.wait_for(value(n < 2), 1):
        n += 1
    print("n", n)


asyncio.run(main())
