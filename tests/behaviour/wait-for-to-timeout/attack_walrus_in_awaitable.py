# expect: any
# fixes: safe
# The awaitable binds the name the timeout reads (`:=` inside the argument list), and the
# other way round: a timeout that binds a name the awaitable does not read.
import asyncio


async def work(x):
    await asyncio.sleep(0.05)
    return x


async def main():
    t = 0.01
    try:
        value = await asyncio.wait_for(work(t := 1.0), t)
        print(value)
    except TimeoutError:
        print("timed out")
    print("t is", t)
    value = await asyncio.wait_for(work("x"), (u := 1.0))
    print(value)
    print("u is", u)


asyncio.run(main())
