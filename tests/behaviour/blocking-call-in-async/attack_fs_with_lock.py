# expect: unchanged
# Inside a sync `with` (a threading lock held): moving the call to a thread would let other
# tasks run while the lock is held. Refused; the task that also takes the lock still runs
# after it.
import asyncio
import os.path
import threading

lock = threading.Lock()
log = []


async def other():
    with lock:
        log.append("other")


async def main():
    task = asyncio.create_task(other())
    with lock:
        found = os.path.exists(".")
        log.append(f"checked {found}")
    await task
    print(log)


asyncio.run(main())
