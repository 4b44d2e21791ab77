# `background_tasks` and `task` already mean something else here: fresh names are used.
import asyncio

background_tasks = ["not", "a", "set"]


async def work(task):
    await asyncio.sleep(0)
    print("worked on", task)


async def main():
    task = "job-1"
    asyncio.create_task(work(task))
    await asyncio.sleep(0.01)
    print(background_tasks, task)


asyncio.run(main())
