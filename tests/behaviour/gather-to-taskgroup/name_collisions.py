# Names the rewrite introduces (`tg`, `a_task`, `task_1`, `tasks`) are already in use.
import asyncio

task_1 = "global task_1"
tasks = "global tasks"


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    tg = "my tg"
    a_task = "my a_task"
    print(task_1, tasks)
    a, b = await asyncio.gather(value("a"), value("b"))
    res = await asyncio.gather(value(1), value(2))
    squares = await asyncio.gather(*[value(i * i) for i in range(3)])
    print(a, b, res, squares)
    print(tg, a_task, task_1, tasks)


async def other():
    print(task_1, tasks)
    return await asyncio.gather(value("other"))


asyncio.run(main())
print(asyncio.run(other()))
