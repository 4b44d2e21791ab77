# A background task that ticks on every loop iteration: the gathered tasks and the caller's
# resumption interleave with it at the same points.
import asyncio


async def ticker(log):
    for i in range(8):
        log.append(f"tick{i}")
        await asyncio.sleep(0)


async def work(log, x):
    log.append(f"start{x}")
    await asyncio.sleep(0)
    log.append(f"end{x}")
    return x


async def main():
    log = []
    background = asyncio.create_task(ticker(log))
    await asyncio.sleep(0)
    res = await asyncio.gather(work(log, 1), work(log, 2))
    log.append(f"resumed {res}")
    await asyncio.gather(*[work(log, x) for x in (3, 4)])
    log.append("resumed again")
    await background
    for entry in log:
        print(entry)


asyncio.run(main())
