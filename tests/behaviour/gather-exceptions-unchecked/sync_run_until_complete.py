# expect: unchanged
# A gather driven from sync code.
import asyncio


async def fail(n):
    raise ValueError(n)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
results = loop.run_until_complete(asyncio.gather(fail(1), asyncio.sleep(0, "fine"), return_exceptions=True))
loop.close()
print([str(r) for r in results])
