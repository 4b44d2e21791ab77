# expect: unchanged
# Only one branch creates a task: the statement's value may be None, so it cannot be kept
# like a task. A finding without a fix.
import asyncio

log = []


async def job():
    log.append("job")


async def main():
    for enabled in (True, False):
        asyncio.create_task(job()) if enabled else None
    await asyncio.sleep(0.01)
    print(log)


asyncio.run(main())
