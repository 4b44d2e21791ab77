# expect: unchanged
# `spawn` is rebound at module level, or shadowed by a parameter: the call may not be the
# wrapper. Nothing is rewritten.
import asyncio

log = []


def spawn(coro):
    return asyncio.create_task(coro)


def _run_now(coro):
    coro.close()
    log.append("not scheduled")


spawn = _run_now


def start(coro):
    return asyncio.create_task(coro)


async def work():
    log.append("ran")


async def main(start=lambda c: c.close()):
    spawn(work())
    start(work())
    await asyncio.sleep(0)
    print(log)


asyncio.run(main())
