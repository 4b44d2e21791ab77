# The function's exception reaches the caller the same way.
import asyncio


def fail(msg):
    raise ValueError(msg)


async def main():
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(None, fail, "boom")
    except ValueError as exc:
        print("caught", exc)


asyncio.run(main())
