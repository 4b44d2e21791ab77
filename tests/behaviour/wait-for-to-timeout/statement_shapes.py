# More simple statements that move into the block: subscript target, chained assignment,
# assert, f-string, backslash continuation, a `match` case, `raise`, list display.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    d = {}
    d["k"] = await asyncio.wait_for(value(2), 1)
    print(d)
    x = y = await asyncio.wait_for(value("chained"), 1)
    print(x, y)
    assert await asyncio.wait_for(value(True), 1), "never"
    print(f"{await asyncio.wait_for(value('f-string'), 1)}!")
    r = \
        await asyncio.wait_for(value("backslash"), 1)
    print(r)
    match r:
        case "backslash":
            m = await asyncio.wait_for(value("match"), 1)
            print(m)
    items = [await asyncio.wait_for(value(1), 1), 2]
    print(items)
    try:
        raise ValueError(await asyncio.wait_for(value("raised"), 1))
    except ValueError as exc:
        print("caught", exc)


asyncio.run(main())
