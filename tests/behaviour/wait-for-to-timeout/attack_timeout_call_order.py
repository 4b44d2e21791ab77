# expect: any
# fixes: safe
# The timeout expression is a call with a side effect: `wait_for`'s arguments print in source
# order (awaitable first); the rewrite would evaluate the timeout first.
import asyncio


def log(label, value):
    print("evaluating", label)
    return value


async def work(x):
    await asyncio.sleep(0)
    return x


async def main():
    r = await asyncio.wait_for(work(log("awaitable", 1)), log("timeout", 1.0))
    print("result", r)
    s = await asyncio.wait_for(work(2), timeout=log("timeout only", 1.0))
    print("result", s)


asyncio.run(main())
