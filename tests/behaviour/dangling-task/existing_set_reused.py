# The module already keeps `background_tasks = set()`: the fix reuses it, and the program's
# own shutdown code that waits on the set now waits for the new tasks too (they finish first
# here, so the output is the same).
import asyncio

background_tasks = set()
results = []


async def work(i):
    await asyncio.sleep(0)
    results.append(i)


async def main():
    asyncio.create_task(work(1))
    t = asyncio.create_task(work(2))
    background_tasks.add(t)
    t.add_done_callback(background_tasks.discard)
    await asyncio.sleep(0.01)
    await asyncio.gather(*background_tasks)
    print(sorted(results), len(background_tasks))


asyncio.run(main())
