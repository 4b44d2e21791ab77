# expect: unchanged
# The coroutine runs in a worker thread with a loop of its own: `subprocess.run` there blocks
# only that loop, on purpose (the side task must see the finished result).
import asyncio
import subprocess
import sys
import threading


async def side(log):
    log.append(f"side task sees {len(log)} entries")


async def build(log):
    task = asyncio.get_running_loop().create_task(side(log))
    result = subprocess.run([sys.executable, "-c", "print('built')"], capture_output=True, text=True)
    log.append(result.stdout.strip())
    await task


def thread_main(log):
    asyncio.run(build(log))


log = []
worker = threading.Thread(target=thread_main, args=(log,))
worker.start()
worker.join()
print(log)
