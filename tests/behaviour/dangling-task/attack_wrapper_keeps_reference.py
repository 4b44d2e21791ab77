# expect: unchanged
# The wrapper keeps the task itself (a set of its own, a callback): calling it as a statement
# drops nothing, so it is not a finding.
import asyncio

_running = set()
log = []


def spawn(coro):
    task = asyncio.create_task(coro)
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task


async def work():
    await asyncio.sleep(0)
    log.append("done")


async def main():
    spawn(work())
    await asyncio.sleep(0.01)
    print(log, len(_running))


asyncio.run(main())
