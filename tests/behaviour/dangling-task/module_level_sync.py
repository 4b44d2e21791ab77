# `loop.create_task(...)` at module level (sync code) before the loop runs.
import asyncio

out = []


async def early():
    out.append("early task ran")


loop = asyncio.new_event_loop()
loop.create_task(early())
loop.run_until_complete(asyncio.sleep(0.01))
loop.close()
print(out)
