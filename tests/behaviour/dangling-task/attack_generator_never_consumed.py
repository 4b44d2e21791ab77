# expect: unchanged
# A generator expression as a statement is never consumed: no task is created, the coroutine
# function is not even called. A finding (the code does nothing), no fix.
import asyncio

log = []


async def job(i):
    log.append(i)


async def main():
    (asyncio.create_task(job(i)) for i in range(3))
    await asyncio.sleep(0.01)
    print("ran:", log)


asyncio.run(main())
