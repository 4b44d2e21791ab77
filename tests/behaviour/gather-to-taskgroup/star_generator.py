# `await gather(*(f(x) for x in xs))`: the generator form.
import asyncio


async def describe(i, name):
    await asyncio.sleep(0)
    return f"{i}:{name}"


async def main():
    names = ["ann", "bob", "cy"]
    out = await asyncio.gather(*(describe(i, n) for i, n in enumerate(names)))
    print(type(out).__name__, out)
    print(await asyncio.gather(*(describe(i, "x") for i in range(2))))


asyncio.run(main())
