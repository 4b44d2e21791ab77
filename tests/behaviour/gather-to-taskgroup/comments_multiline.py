# A multi-line gather with comments between and after the awaitables.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    user, orders = await asyncio.gather(
        # the user first
        value("user"),  # by id
        value(["o1", "o2"]),  # orders
        # nothing else
    )
    print(user, orders)
    await asyncio.gather(  # fire both
        value(1),
        value(2),
    )
    print("done")


asyncio.run(main())
