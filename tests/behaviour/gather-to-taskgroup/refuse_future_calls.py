# expect: unchanged
# Calls that return futures or tasks are refused: `tg.create_task` needs a coroutine.
import asyncio


def blocking(x):
    return x * 2


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    loop = asyncio.get_running_loop()
    a = await asyncio.gather(asyncio.ensure_future(value(1)), value(2))
    print(a)
    b = await asyncio.gather(asyncio.create_task(value(3)), asyncio.shield(value(4)))
    print(b)
    c = await asyncio.gather(loop.run_in_executor(None, blocking, 5))
    print(c)
    d = await asyncio.gather(asyncio.gather(value(6), value(7)), value(8))
    print(d)


asyncio.run(main())
