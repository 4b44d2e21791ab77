# The worker's exception reaches the caller with its type, message and the same object the
# worker raised; the task awaiting it is the caller's own task before and after.
import asyncio

raised = []


def fail(n):
    exc = ValueError(f"bad value {n!r}")
    raised.append(exc)
    raise exc


async def main():
    me = asyncio.current_task()
    try:
        await asyncio.get_running_loop().run_in_executor(None, fail, 3)
    except ValueError as exc:
        print(type(exc).__name__, exc, exc is raised[0], asyncio.current_task() is me)
    print("after try")


asyncio.run(main())
