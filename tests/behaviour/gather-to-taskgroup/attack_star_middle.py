# `gather(a(), *[f(x) for x in xs], b())`: a comprehension between listed awaitables. Each part
# is a coroutine call, so the rewrite can create the tasks in the same order and read the
# results back as one list.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    print("ran", x)
    return x


async def main():
    xs = [1, 2, 3]
    res = await asyncio.gather(value("a"), *[value(x) for x in xs], value("b"))
    print(res)
    await asyncio.gather(value("c"), *(value(x * 10) for x in xs))
    first, *rest = await asyncio.gather(value("d"), *[value(x) for x in range(2)])
    print(first, rest)


asyncio.run(main())
