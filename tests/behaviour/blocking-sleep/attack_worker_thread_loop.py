# expect: unchanged
# fixes: safe
# The coroutine runs in a worker thread with a loop of its own (`asyncio.run` in a function
# handed to `threading.Thread`): `time.sleep` there holds back only that loop, on purpose (the
# side task must not run until the batch is flushed). `await asyncio.sleep` would let it run in
# between and change the order printed.
import asyncio
import threading
import time


async def side(log):
    log.append("side task ran")


async def flush_batch(log):
    task = asyncio.get_running_loop().create_task(side(log))
    log.append("batch start")
    time.sleep(0.01)
    log.append("batch flushed")
    await task


def thread_main(log):
    asyncio.run(flush_batch(log))


log = []
worker = threading.Thread(target=thread_main, args=(log,))
worker.start()
worker.join()
print(log)
