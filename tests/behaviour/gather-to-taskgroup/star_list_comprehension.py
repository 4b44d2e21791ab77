# `await gather(*[f(x) for x in xs])`: one task per element, results in order.
import asyncio


async def square(x):
    await asyncio.sleep(0.01 * (3 - x))  # later elements finish first
    print("done", x)
    return x * x


async def main():
    xs = [0, 1, 2]
    squares = await asyncio.gather(*[square(x) for x in xs])
    print(type(squares).__name__, squares)
    await asyncio.gather(*[square(x) for x in xs if x != 1])
    nested = await asyncio.gather(*[square(x + y) for x in range(2) for y in range(2)])
    print(nested)


asyncio.run(main())
