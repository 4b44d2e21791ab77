# Tasks already scheduled when `wait_for` is awaited: on 3.11 `wait_for` started the coroutine
# in a new task, after them; awaited inline it starts first. Only the order of their prints may
# differ (a note names it), so this program prints what it collected, sorted.
import asyncio

events = []


async def background(name):
    events.append(f"background {name}")


async def work():
    events.append("work started")
    await asyncio.sleep(0)
    return "work done"


async def main():
    tasks = [asyncio.create_task(background(n)) for n in "ab"]
    result = await asyncio.wait_for(work(), 1)
    await asyncio.gather(*tasks)
    print(result, sorted(events))


asyncio.run(main())
