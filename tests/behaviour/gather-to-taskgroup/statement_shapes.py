# A multi-line string and a multi-line call as awaitables, a backslash continuation, and
# compound statements whose one-line body follows the header holding the gather.
import asyncio


async def show(x):
    await asyncio.sleep(0)
    return x


async def main():
    if await asyncio.gather(show(4)): print("if one-liner")
    for x in await asyncio.gather(show(5), show(6)): print("for", x)
    texts = await asyncio.gather(show("""line one
  line two
line three"""), show(
        "continued",
    ))
    print(texts)
    r = \
        await asyncio.gather(show(7))
    print(r)
    await asyncio.gather(show(1), show(2)); print("bare, shared line")


asyncio.run(main())
