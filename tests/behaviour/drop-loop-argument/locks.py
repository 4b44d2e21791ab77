# `Lock`, `Event`, `Condition`, `Semaphore`, `BoundedSemaphore` with `loop=`.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock(loop=loop)
    event = asyncio.Event(loop=loop)
    cond = asyncio.Condition(lock, loop=loop)
    sem = asyncio.Semaphore(2, loop=loop)
    bounded = asyncio.BoundedSemaphore(value=1, loop=loop)
    async with lock:
        print("lock held", lock.locked())
    event.set()
    await event.wait()
    print("event set", event.is_set())
    async with cond:
        cond.notify_all()
        print("condition uses the lock", cond.locked() and lock.locked())
    async with sem, bounded:
        print("semaphores", sem.locked(), bounded.locked())
    try:
        bounded.release()
    except ValueError as exc:
        print("bounded:", exc)


asyncio.run(main())
