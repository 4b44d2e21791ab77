# expect: unchanged
# One call site in a loop runs many times: a single call is not a finding.
import asyncio


async def step(i):
    await asyncio.sleep(0)
    return i * i


print([asyncio.run(step(i)) for i in range(4)])
