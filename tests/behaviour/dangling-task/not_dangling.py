# expect: unchanged
# A TaskGroup keeps its tasks; an assigned or awaited task is referenced: no findings.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(value(1))
        kept = tg.create_task(value(2))
    other = asyncio.create_task(value(3))
    print(kept.result(), await other, await asyncio.create_task(value(4)))


asyncio.run(main())
