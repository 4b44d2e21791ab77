# gather used inside an expression: `print(await gather(...))`, `for x in await gather(...)`,
# an `if` test, an f-string, a subscript.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    print(await asyncio.gather(value(1), value(2)))
    for x in await asyncio.gather(value("a"), value("b")):
        print("item", x)
    if await asyncio.gather(value(0)):
        print("a non-empty list is truthy")
    message = f"got {await asyncio.gather(value(3), value(4))}"
    print(message)
    second = (await asyncio.gather(value(5), value(6)))[1]
    print(second)
    pair = (await asyncio.gather(value(7), value(8)), "tail")
    print(pair)


asyncio.run(main())
