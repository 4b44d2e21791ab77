# expect: unchanged
# `subprocess.run` inside `with threading.Lock()` in `async def` while another task takes the
# same lock: today the call holds the loop, so the other task gets the lock after it. Handed
# to a thread (`await to_thread`), the other task would run while the lock is held and block
# the loop thread (here: a timed acquire that fails). Must refuse.
import asyncio
import subprocess
import sys
import threading

lock = threading.Lock()


async def writer():
    with lock:
        subprocess.run([sys.executable, "-c", "pass"])
    print("writer done")


async def reader():
    await asyncio.sleep(0)
    got = lock.acquire(timeout=2)
    print("reader got the lock:", got)
    if got:
        lock.release()


async def main():
    await asyncio.gather(writer(), reader())


asyncio.run(main())
