# expect: any
# An `assert` message and the right end of a chained comparison are evaluated only when
# needed: a gather there must not run unconditionally.
import asyncio


async def work(x):
    print("work ran", x)
    await asyncio.sleep(0)
    return x


async def main():
    ok = True
    assert ok, await asyncio.gather(work("assert message"))
    low = 5
    in_range = 0 > low > await asyncio.gather(work("chained"))
    print("in range", in_range)
    print("end")


asyncio.run(main())
