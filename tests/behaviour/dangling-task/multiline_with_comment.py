# A call over several lines with a trailing comment: the comment stays on the task's line.
import asyncio

seen = []


async def slow(a, b):
    await asyncio.sleep(0)
    seen.append(a + b)


async def main():
    asyncio.create_task(
        slow(1,
             2),
    )  # started here
    await asyncio.sleep(0.01)
    print(seen)


asyncio.run(main())
