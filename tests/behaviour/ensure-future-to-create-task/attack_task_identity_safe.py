# fixes: safe
# A module-level `async def` nothing rebinds: the safe fix keeps the result, the exception and
# its message, the task's name pattern and that the coroutine runs in a new task.
import asyncio


async def job(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * 2, asyncio.current_task() is not outer


async def main():
    global outer
    outer = asyncio.current_task()
    task = asyncio.ensure_future(job(21))
    print(isinstance(task, asyncio.Task), await task)
    bad = asyncio.ensure_future(job(-1))
    try:
        await bad
    except ValueError as exc:
        print("ValueError:", exc)
    print("after try")


outer = None
asyncio.run(main())
