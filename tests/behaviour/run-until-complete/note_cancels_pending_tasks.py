# differs: cancels tasks left pending
# A task the coroutine started and left running: with `run_until_complete` it just stays
# pending; `asyncio.run` cancels it when `main` returns, so its handler runs.
import asyncio

log = []


async def background():
    try:
        await asyncio.sleep(0.05)
        log.append("background finished")
    except asyncio.CancelledError:
        log.append("background cancelled")
        raise


async def main():
    asyncio.get_running_loop().create_task(background())
    await asyncio.sleep(0)
    return "main done"


loop = asyncio.get_event_loop()
print(loop.run_until_complete(main()))
print(log)
