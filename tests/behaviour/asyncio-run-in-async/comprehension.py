# In a list comprehension of an `async def` (an async comprehension after the rewrite).
import asyncio


async def square(x):
    await asyncio.sleep(0)
    return x * x


async def main():
    print([asyncio.run(square(i)) for i in range(4)])


asyncio.run(main())
