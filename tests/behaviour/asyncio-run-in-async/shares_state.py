# After the rewrite the coroutine runs on the caller's loop and sees its tasks and state.
import asyncio

seen = []


async def record(tag):
    seen.append((tag, asyncio.get_running_loop() is LOOP[0]))


LOOP = []


async def main():
    LOOP.append(asyncio.get_running_loop())
    asyncio.run(record("inner"))
    print(seen)


asyncio.run(main())
