# expect: unchanged
# The results are used as if they were all values: the exception object is printed as one.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    if x == 2:
        raise KeyError(x)
    return x * 10


async def main():
    results = await asyncio.gather(*(value(x) for x in range(4)), return_exceptions=True)
    print([repr(r) for r in results])


asyncio.run(main())
