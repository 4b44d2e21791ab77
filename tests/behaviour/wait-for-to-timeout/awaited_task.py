# A task awaited through wait_for: on timeout the task is cancelled either way.
import asyncio


async def slow():
    await asyncio.sleep(1)
    return "slow"


async def quick():
    await asyncio.sleep(0)
    return "quick"


async def main():
    task = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(task, 0.05)
    except TimeoutError:
        print("timed out")
    await asyncio.sleep(0)
    print("cancelled", task.cancelled(), "done", task.done())

    other = asyncio.create_task(quick())
    result = await asyncio.wait_for(other, 1)
    print(result, other.done(), other.cancelled())


asyncio.run(main())
