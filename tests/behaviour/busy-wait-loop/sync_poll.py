# expect: unchanged
# A sync `def` polling with `time.sleep` in a worker thread: not this transform's finding.
import asyncio
import threading
import time

event = threading.Event()


def wait_in_thread():
    while not event.is_set():
        time.sleep(0.001)
    return "thread saw it"


async def main():
    waiter = asyncio.create_task(asyncio.to_thread(wait_in_thread))
    await asyncio.sleep(0.003)
    event.set()
    print(await waiter)


asyncio.run(main())
