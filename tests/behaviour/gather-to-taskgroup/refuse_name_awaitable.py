# expect: unchanged
# An awaitable given by name (a coroutine object, a task or a future): refused.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    coro = value("coro")
    task = asyncio.create_task(value("task"))
    res = await asyncio.gather(coro, task, value("call"))
    print(res)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("fut")
    print(await asyncio.gather(fut, fut))


asyncio.run(main())
