# expect: unchanged
# Stored, gathered later: `run_in_executor` starts at once, `to_thread` would not. Refused.
import asyncio
import threading

started = threading.Event()


def work():
    started.set()
    return "done"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, work)
    for _ in range(200):
        if started.is_set():
            break
        await asyncio.sleep(0.005)
    print("started before await:", started.is_set())
    print(await fut)
    print(await asyncio.gather(loop.run_in_executor(None, work), loop.run_in_executor(None, work)))


asyncio.run(main())
