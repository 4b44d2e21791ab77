# A background task that fails: its exception is still unretrieved (logged on stderr), the
# program's output is the same.
import asyncio


async def boom():
    await asyncio.sleep(0)
    raise ValueError("background failure")


async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("main finished")


asyncio.run(main())
