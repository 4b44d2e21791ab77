# `loop=` first, in the middle, last with a trailing comma: commas stay tidy.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(loop=loop, maxsize=2)
    r = await asyncio.gather(
        asyncio.sleep(0, result="a"),
        loop=loop,
        return_exceptions=True,
    )
    s = await asyncio.sleep(
        0,
        result="b",
        loop=loop,
    )
    print(q.maxsize, r, s)


asyncio.run(main())
