# The kept wrapper task fails: its exception reaches whoever gathers it, and `all_tasks()` sees
# the same tasks as before. The wrapper's `ensure_future` of a plain future returns the future.
import asyncio


def spawn(aw):
    return asyncio.ensure_future(aw)


async def boom():
    await asyncio.sleep(0)
    raise KeyError("missing key")


async def main():
    spawn(boom())
    fut = asyncio.get_running_loop().create_future()
    spawn(fut)
    fut.set_result("plain future")
    await asyncio.sleep(0)
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    print(len(others))
    try:
        await asyncio.gather(*others)
    except KeyError as exc:
        print("KeyError:", exc)
    print(await fut)


asyncio.run(main())
