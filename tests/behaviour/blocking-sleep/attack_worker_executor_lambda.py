# expect: unchanged
# fixes: safe
# The same, with the thread reached through `run_in_executor` and a `lambda`, and through
# `to_thread(asyncio.run, ...)`: each coroutine runs on a loop of its own in a worker thread.
import asyncio
import time


async def side(log, name):
    log.append(f"{name}: side task ran")


async def in_executor(log):
    task = asyncio.get_running_loop().create_task(side(log, "executor"))
    time.sleep(0.01)
    log.append("executor: slept")
    await task


async def in_to_thread(log):
    task = asyncio.get_running_loop().create_task(side(log, "to_thread"))
    time.sleep(0.01)
    log.append("to_thread: slept")
    await task


async def main():
    log = []
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, lambda: asyncio.run(in_executor(log)))
    await asyncio.to_thread(asyncio.run, in_to_thread(log))
    print(log)


asyncio.run(main())
