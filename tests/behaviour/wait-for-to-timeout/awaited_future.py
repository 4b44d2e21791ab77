# A plain future and a shielded task under wait_for.
import asyncio


async def slow():
    await asyncio.sleep(0.2)
    return "slow done"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        await asyncio.wait_for(fut, 0.05)
    except TimeoutError:
        print("future timed out")
    print("future cancelled", fut.cancelled())

    ready = loop.create_future()
    loop.call_soon(ready.set_result, "ready")
    got = await asyncio.wait_for(ready, 1)
    print(got)

    task = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(asyncio.shield(task), 0.05)
    except TimeoutError:
        print("shield timed out")
    print("task cancelled", task.cancelled())
    print(await task)


asyncio.run(main())
