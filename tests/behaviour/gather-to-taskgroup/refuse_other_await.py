# expect: unchanged
# The statement awaits something else, or the gather is evaluated conditionally, or it shares
# its line with other code: refused.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    pair = (await value("first"), await asyncio.gather(value(1), value(2)))
    print(pair)
    cached = None
    got = cached or await asyncio.gather(value(3))
    print(got)
    maybe = await asyncio.gather(value(4)) if cached else "skipped"
    print(maybe)
    a = 1; b = await asyncio.gather(value(5))
    print(a, b)
    squares = [await asyncio.gather(value(i)) for i in range(2)]
    print(squares)


asyncio.run(main())
