# A conditional expression whose branches both create a task, as a statement: the statement's
# value is a task either way, and it is kept like a direct `create_task`.
import asyncio

log = []


async def fast():
    log.append("fast")


async def slow():
    await asyncio.sleep(0.001)
    log.append("slow")


async def main():
    for hurry in (True, False):
        asyncio.create_task(fast()) if hurry else asyncio.ensure_future(slow())
    await asyncio.sleep(0.05)
    print(log)


asyncio.run(main())
