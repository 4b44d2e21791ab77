# A child cancelled from outside: gather raised CancelledError at once, a TaskGroup waits for
# the siblings (the note says so) and reading the cancelled task's result raises it. The
# siblings here are quick and silent, so the caller sees the same cancellation.
import asyncio

running = {}


async def child(name, delay):
    running[name] = asyncio.current_task()
    await asyncio.sleep(delay)
    return name


async def canceller():
    await asyncio.sleep(0.01)
    running["victim"].cancel()


async def collect():
    asyncio.create_task(canceller())
    results = await asyncio.gather(child("victim", 1), child("sibling", 0.03))
    return results


async def main():
    try:
        print(await collect())
    except asyncio.CancelledError:
        print("collect was cancelled")
    await asyncio.sleep(0.05)
    print("end", sorted(running))


asyncio.run(main())
