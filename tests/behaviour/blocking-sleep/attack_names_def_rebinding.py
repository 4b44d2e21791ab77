# expect: unchanged
# fixes: safe
# `from time import sleep`, then a module-level `def sleep` replaces it.
import asyncio
from time import sleep

log = []


def sleep(seconds):  # noqa: F811
    log.append(("sleep", seconds))


async def worker():
    sleep(2)
    return len(log)


print(asyncio.run(worker()), log)
