# expect: unchanged
# From asgiref's test suite: the handler catches the task's own cancellation on purpose, to
# let shielded work finish (the view completes). Re-raising would stop that: refused.
import asyncio


async def view(log):
    work = asyncio.create_task(asyncio.sleep(0.05, result="done"))
    try:
        await asyncio.shield(work)
    except asyncio.CancelledError:
        log.append(await work)


async def main():
    log = []
    task = asyncio.create_task(view(log))
    await asyncio.sleep(0.01)
    task.cancel()
    await asyncio.sleep(0.1)
    print("view cancelled" if task.cancelled() else "view completed", log)


asyncio.run(main())
