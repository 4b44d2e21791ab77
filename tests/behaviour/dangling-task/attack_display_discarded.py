# expect: unchanged
# Tasks created inside a list or tuple display (or a list comprehension) that the statement
# throws away: findings without a fix (one kept task per statement is the fix's shape).
import asyncio

log = []


async def job(i):
    await asyncio.sleep(0)
    log.append(i)


async def main():
    [asyncio.create_task(job(1)), asyncio.create_task(job(2))]
    (asyncio.ensure_future(job(3)),)
    [asyncio.create_task(job(i)) for i in (4, 5)]
    await asyncio.sleep(0.01)
    print(sorted(log))


asyncio.run(main())
