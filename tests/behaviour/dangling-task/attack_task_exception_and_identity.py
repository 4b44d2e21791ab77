# The kept task raises: its exception and message are the same, and `all_tasks()` sees it as
# before; code after the `try` still runs.
import asyncio


async def boom():
    await asyncio.sleep(0)
    raise KeyError("missing key")


async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0)
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    print(len(others), [t.get_coro().__name__ for t in others])
    try:
        await asyncio.gather(*others)
    except KeyError as exc:
        print("KeyError:", exc)
    print("after try")


asyncio.run(main())
