# expect: unchanged
# The wrapper returns None on one path (and falls off the end on another): `task.add_done_callback`
# would raise AttributeError there. Not a wrapper that provably returns a task.
import asyncio

log = []


def maybe_spawn(coro, enabled):
    if not enabled:
        coro.close()
        return None
    return asyncio.create_task(coro)


def spawn_or_nothing(coro, enabled):
    if enabled:
        return asyncio.create_task(coro)
    coro.close()


async def work(tag):
    await asyncio.sleep(0)
    log.append(tag)


async def main():
    maybe_spawn(work("a"), False)
    maybe_spawn(work("b"), True)
    spawn_or_nothing(work("c"), False)
    await asyncio.sleep(0.01)
    print(log)


asyncio.run(main())
