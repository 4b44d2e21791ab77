# Results come back in argument order whatever order the coroutines finish in, as a list,
# and unpacking keeps working; the list is a new list each time.
import asyncio


async def after(delay, x):
    await asyncio.sleep(delay)
    print("finished", x)
    return x


async def main():
    res = await asyncio.gather(after(0.03, "slow"), after(0, "fast"), after(0.01, "mid"))
    print(type(res).__name__, res)
    res.append("more")
    print(res)
    [one] = await asyncio.gather(after(0, "only"))
    print(one)
    x, y = await asyncio.gather(after(0.02, "x"), after(0, "y"))
    print(x, y)
    return await asyncio.gather(after(0, "r1"), after(0.01, "r2"))


print(asyncio.run(main()))
