# expect: unchanged
# A loop with an `else:` clause, or a body that does more than sleep: not reported.
import asyncio

state = {"n": 0}


async def bump():
    for _ in range(3):
        await asyncio.sleep(0)
        state["n"] += 1


async def main():
    task = asyncio.create_task(bump())
    while state["n"] < 3:
        await asyncio.sleep(0)
    else:
        print("reached", state["n"])
    ticks = 0
    while ticks < 2:
        await asyncio.sleep(0)
        ticks += 1
    await task
    print("ticks", ticks)


asyncio.run(main())
