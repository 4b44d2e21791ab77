# expect: any
# fixes: safe
# A computed timeout (a deadline minus now) that has already run out: `wait_for` times out
# without starting the coroutine; `asyncio.timeout` runs it until its first suspension.
import asyncio


async def step(name):
    print("step", name, "started")
    await asyncio.sleep(0.01)
    return name


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.02
    await asyncio.sleep(0.05)
    now = loop.time()
    remaining = deadline - now
    try:
        value = await asyncio.wait_for(step("late"), deadline - now)
        print(value)
    except TimeoutError:
        print("deadline passed")
    try:
        value = await asyncio.wait_for(step("late again"), remaining)
        print(value)
    except TimeoutError:
        print("deadline passed again")


asyncio.run(main())
