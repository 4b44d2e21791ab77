# A module function that creates a task and returns it, called as a bare statement: the task
# is kept in the module-level set until it is done, as a direct `create_task` would be.
import asyncio

log = []


def spawn(coro):
    return asyncio.create_task(coro)


def spawn_named(coro, name):
    task = asyncio.get_running_loop().create_task(coro, name=name)
    return task


async def work(i):
    await asyncio.sleep(0.001 * (3 - i))
    log.append(i)
    return i


async def main():
    for i in range(3):
        spawn(work(i))
    spawn_named(work(10), "named")
    await asyncio.sleep(0.05)
    print(sorted(log))


asyncio.run(main())
