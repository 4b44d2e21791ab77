# `res = await gather(...)`: gather returns a list; so must the rewrite.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    res = await asyncio.gather(value(1), value(2), value(3))
    print(type(res).__name__, res)
    res.append(4)
    print(res)
    annotated: list[int] = await asyncio.gather(value(5), value(6))
    print(type(annotated).__name__, annotated)
    total = [0]
    total += await asyncio.gather(value(7), value(8))
    print(total)
    both = x = await asyncio.gather(value(9))
    print(type(both).__name__, both, both is x)
    empty_args = await asyncio.gather(value(None), return_exceptions=False)
    print(empty_args)


asyncio.run(main())
