# `wait_for` on a shielded task and on a task that is already done: on timeout the shield is
# cancelled, the task runs on; a done task's result comes back at once.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print("job", name, "finished")
    return name


async def main():
    task = asyncio.create_task(job("shielded", 0.1))
    try:
        await asyncio.wait_for(asyncio.shield(task), 0.02)
    except TimeoutError:
        print("timed out; task cancelled?", task.cancelled())
    print("task result", await task)
    done = asyncio.create_task(job("done", 0))
    await asyncio.sleep(0.01)
    print("done result", await asyncio.wait_for(done, 0))
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    value = await asyncio.wait_for(fut, timeout=0.5)
    print("future", value)


asyncio.run(main())
