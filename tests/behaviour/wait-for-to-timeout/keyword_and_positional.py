# The timeout passed by keyword and positionally, both firing and not firing, and computed
# from a variable and an expression.
import asyncio


async def echo(x, delay):
    await asyncio.sleep(delay)
    return x


async def main():
    limit = 0.05
    a = await asyncio.wait_for(echo("a", 0), timeout=1)
    print(a)
    b = await asyncio.wait_for(echo("b", 0), 1)
    print(b)
    try:
        c = await asyncio.wait_for(echo("c", 1), timeout=limit)
        print(c)
    except TimeoutError:
        print("c timed out")
    try:
        d = await asyncio.wait_for(echo("d", 1), limit * 1)
        print(d)
    except TimeoutError:
        print("d timed out")


asyncio.run(main())
