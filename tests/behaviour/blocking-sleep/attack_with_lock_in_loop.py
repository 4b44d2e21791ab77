# fixes: safe
# expect: unchanged
# `time.sleep` in a `for` loop inside `with lock:`: still under the lock, refused.
import asyncio
import threading
import time

lock = threading.Lock()
order = []


async def a():
    with lock:
        for i in range(2):
            time.sleep(0.001)
            order.append(f"a{i}")


async def b():
    await asyncio.sleep(0)
    if lock.acquire(timeout=0.2):
        order.append("b")
        lock.release()
    else:
        order.append("b timed out")


async def main():
    await asyncio.gather(a(), b())
    print(order)


asyncio.run(main())
