# A directive on a line inside brackets: removing it keeps the call intact.
import asyncio


def total(*xs):
    return sum(xs)


async def main():
    print(total(1,  # asyncup: ignore
                2))


asyncio.run(main())
