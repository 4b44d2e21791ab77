# A TaskGroup cancels the other children when one fails. The child's handler receives that
# cancellation (its `cancelling()` is 1) and now re-raises; the group reports the same
# ExceptionGroup either way.
import asyncio


async def failing():
    await asyncio.sleep(0)
    raise KeyError("failed child")


async def patient(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("patient cleaned up")
    return "patient result"


async def main():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            tg.create_task(patient(log))
    except* KeyError as group:
        print("group:", [repr(e) for e in group.exceptions])
    print(log)


asyncio.run(main())
