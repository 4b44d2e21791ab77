# fixes: safe
# Cancellation inside a `timeout(None)` block is a plain CancelledError with or without the
# wrapper (the wrapper never expires, so it never turns it into TimeoutError), and
# `wait_for(task, None)` cancels the awaited task when the caller is cancelled, as a direct
# `await` does.
import asyncio


async def sleeper(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("inner cancelled")
        raise


async def blocked(log):
    async with asyncio.timeout(None):
        await sleeper(log)


async def waits_on_task(log, task):
    return await asyncio.wait_for(task, None)


async def main():
    log = []
    t = asyncio.create_task(blocked(log))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append(f"outer cancelled, cancelling={t.cancelling()}")
    inner = asyncio.create_task(sleeper(log))
    waiter = asyncio.create_task(waits_on_task(log, inner))
    await asyncio.sleep(0.01)
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    log.append(f"task cancelled with the waiter: {inner.cancelled()}")
    print(log)


asyncio.run(main())
