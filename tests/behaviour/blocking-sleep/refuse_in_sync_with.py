# expect: unchanged
# Inside a sync `with` block: after the rewrite another task would run while the thread lock is
# held and block the loop on it forever. Refused; the program keeps working.
import asyncio
import threading
import time

lock = threading.Lock()
order = []


async def holder():
    with lock:
        order.append("holder in")
        time.sleep(0.01)
        order.append("holder out")


async def other():
    with lock:
        order.append("other")


async def main():
    await asyncio.wait_for(asyncio.gather(holder(), other()), 5)
    print(order)


asyncio.run(main())
