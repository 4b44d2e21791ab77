# expect: unchanged
# Running in a `for` loop runs the loop more than once.
import asyncio

results = []


async def step(i):
    await asyncio.sleep(0)
    results.append(i)


for i in range(3):
    asyncio.get_event_loop().run_until_complete(step(i))
print(results)
