# expect: unchanged
# Statements sharing a line with a compound header or another statement are refused.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def one_liner(): return await asyncio.wait_for(value("def"), 1)


async def main():
    print(await one_liner())
    if False:
        pass
    else: e = await asyncio.wait_for(value("else"), 1)
    print(e)
    try: t = await asyncio.wait_for(value("try"), 1)
    except TimeoutError: pass
    print(t)
    for i in range(2): print(await asyncio.wait_for(value(i), 1))
    x = await asyncio.wait_for(value("semicolon"), 1); print(x)


asyncio.run(main())
