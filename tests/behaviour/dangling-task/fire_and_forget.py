# Tasks started and forgotten: each is kept in the module-level set until it is done.
import asyncio

log = []


async def notify(i):
    await asyncio.sleep(0.001 * (3 - i))
    log.append(i)


async def main():
    for i in range(3):
        asyncio.create_task(notify(i))
    await asyncio.sleep(0.05)
    print(sorted(log), len(log))


asyncio.run(main())
