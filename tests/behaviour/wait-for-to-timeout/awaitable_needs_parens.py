# Awaitables that need parentheses after `await`: a conditional, a walrus, another await.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    flag = False
    a = await asyncio.wait_for(value("yes") if flag else value("no"), 1)
    print(a)
    b = await asyncio.wait_for(c := value("walrus"), 1)
    print(b, type(c).__name__)
    d = await asyncio.wait_for(await value(value("nested")), 1)
    print(d)
    e = await asyncio.wait_for((value("parenthesised")), (1))
    print(e)
    f = -await asyncio.wait_for(value(5), 1)
    print(f)


asyncio.run(main())
