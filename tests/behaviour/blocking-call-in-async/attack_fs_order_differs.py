# differs: now runs in a worker thread while other tasks run
# The blocking call used to finish before any other task ran; in a worker thread, the ready
# task runs while the caller waits.
import asyncio
import os.path

log = []


async def ticker():
    log.append("tick")


async def main():
    task = asyncio.create_task(ticker())
    found = os.path.isdir(".")
    log.append(f"checked {found}")
    await task
    print(log)


asyncio.run(main())
