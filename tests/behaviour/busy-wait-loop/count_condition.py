# expect: unchanged
# Polling for a count other tasks raise.
import asyncio

done = []


async def worker(i):
    await asyncio.sleep(0.001 * i)
    done.append(i)


async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(3)]
    while len(done) < 3:
        await asyncio.sleep(0.001)
    print(sorted(done))
    await asyncio.gather(*tasks)


asyncio.run(main())
