# differs: outside an asyncio task
# A coroutine driven by hand (no asyncio task) cannot enter `asyncio.timeout`, even with no
# deadline: it raised RuntimeError. Without the wrapper, the body runs.
import asyncio


async def body(log):
    async with asyncio.timeout(None):
        log.append("body ran")


async def main():
    log = []
    coro = body(log)
    try:
        coro.send(None)
    except StopIteration:
        pass
    except RuntimeError as exc:
        log.append(f"RuntimeError: {exc}")
    print(log)


def run():
    # Drive `main` by hand too: no task at all.
    coro = main()
    try:
        coro.send(None)
    except StopIteration:
        pass


run()
