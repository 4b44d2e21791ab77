# expect: any
# A plain `def` of this module that returns a task: `gather` accepts it, `tg.create_task`
# would raise TypeError (it needs a coroutine).
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


def start(x):
    return asyncio.ensure_future(value(x))


async def main():
    res = await asyncio.gather(start(1), start(2))
    print(res)


asyncio.run(main())
