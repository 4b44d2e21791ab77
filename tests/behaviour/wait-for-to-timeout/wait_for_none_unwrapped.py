# fixes: safe
# `wait_for(aw, None)` sets no deadline: the fix awaits `aw` where it stands, also in a
# comprehension, after another await, in an `if` header and a conditional expression.
import asyncio


async def work(n):
    await asyncio.sleep(0)
    return n


async def main(flag):
    x = [await asyncio.wait_for(work(i), None) for i in range(3)]
    y = await work(1) + await asyncio.wait_for(work(2), timeout=None)
    if await asyncio.wait_for(work(0), None):
        print("unreachable")
    z = await asyncio.wait_for(work(3) if flag else work(4), None)
    w = await asyncio.wait_for(
        work(
            5,
        ),
        None,
    )
    print(x, y, z, w)


asyncio.run(main(True))
asyncio.run(main(False))
