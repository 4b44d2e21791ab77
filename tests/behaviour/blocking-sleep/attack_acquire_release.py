# fixes: safe
# expect: any
# The lock is taken with `acquire()` / released in `finally`, not with `with`: the sleep still
# runs while the lock is held. As `await asyncio.sleep`, the other task runs meanwhile and
# its timed acquire fails. A safe fix must not change what is printed.
import asyncio
import threading
import time

lock = threading.Lock()


async def holder():
    lock.acquire()
    try:
        time.sleep(0.01)
    finally:
        lock.release()
    print("holder done")


async def other():
    await asyncio.sleep(0)
    got = lock.acquire(timeout=0.5)
    print("other got the lock:", got)
    if got:
        lock.release()


async def main():
    await asyncio.gather(holder(), other())


asyncio.run(main())
