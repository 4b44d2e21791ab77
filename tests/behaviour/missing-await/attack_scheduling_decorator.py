# expect: unchanged
# A decorator like Textual's `@work` schedules the coroutine itself and returns a handle: the call
# without `await` is the intended use. Awaiting it would be wrong (the worker object is not
# awaitable); no finding, no rewrite.
import asyncio

background = set()


def work(func):
    def start(*args):
        task = asyncio.get_running_loop().create_task(func(*args))
        background.add(task)
        task.add_done_callback(background.discard)
        return task.get_name() and "worker"

    return start


@work
async def refresh(label):
    await asyncio.sleep(0)
    print("refreshed", label)


async def main():
    handle = None
    refresh("a")
    print("scheduled")
    await asyncio.sleep(0.01)
    print("done", handle)


asyncio.run(main())
