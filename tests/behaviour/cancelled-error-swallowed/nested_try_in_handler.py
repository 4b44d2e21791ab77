# The handler has its own try/except inside; the re-raise goes at the end of the outer
# handler, where a bare `raise` refers to the outer CancelledError again.
import asyncio


async def worker(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        try:
            raise KeyError("inner")
        except KeyError as err:
            log.append(f"inner handled {err}")
        log.append("outer cleanup")


async def main():
    log = []
    task = asyncio.create_task(worker(log))
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.wait({task})
    print(log)


asyncio.run(main())
