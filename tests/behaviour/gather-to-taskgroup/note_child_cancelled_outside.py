# differs: a child cancelled from outside: gather raised CancelledError at once, a TaskGroup waits for the siblings
# One child is cancelled by another task while the gather waits: gather raises CancelledError
# at once (the slow sibling keeps running unobserved); the TaskGroup waits for the sibling,
# and (in statement form, no result read) raises nothing.
import asyncio

log = []


async def victim():
    await asyncio.sleep(10)


async def sibling():
    await asyncio.sleep(0.05)
    log.append("sibling finished")


async def runner():
    await asyncio.gather(victim(), sibling())
    log.append("gather returned")


def cancel_victim(me):
    for task in asyncio.all_tasks():
        if task.get_coro().__name__ == "victim":
            task.cancel()


async def main():
    task = asyncio.create_task(runner())
    asyncio.get_running_loop().call_later(0.01, cancel_victim, task)
    try:
        await task
    except asyncio.CancelledError:
        log.append("runner cancelled")
    await asyncio.sleep(0.1)
    print(log)


asyncio.run(main())
