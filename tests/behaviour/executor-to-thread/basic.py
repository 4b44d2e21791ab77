# `await loop.run_in_executor(None, f, *args)` becomes `await asyncio.to_thread(f, *args)`.
import asyncio
import threading


def work(a, b):
    return a + b, threading.current_thread() is threading.main_thread()


async def main():
    loop = asyncio.get_running_loop()
    total, on_main = await loop.run_in_executor(None, work, 1, 2)
    print(total, "on main thread:", on_main)


asyncio.run(main())
