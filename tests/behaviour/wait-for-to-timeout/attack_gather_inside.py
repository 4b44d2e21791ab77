# fixes: safe
# Calls inside the awaitable that run no code of the program when made (coroutines of this
# module, `asyncio.gather`): the safe fix goes ahead, and a timeout that fires still cancels
# the gathered work the same way.
import asyncio

TIMEOUT = 0.5


async def work(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return name


async def main():
    both = await asyncio.wait_for(asyncio.gather(work("a", 0.01), work("b", 0)), TIMEOUT)
    print(both)
    try:
        late = await asyncio.wait_for(asyncio.gather(work("slow", 1), work("fast", 0)), 0.05)
        print(late)
    except TimeoutError:
        print("timed out")
    await asyncio.sleep(0.05)


asyncio.run(main())
