# expect: unchanged
# The module runs the shared loop twice: state tied to the loop (this future) would break
# across two `asyncio.run` calls.
import asyncio

loop = asyncio.get_event_loop()
fut = loop.create_future()


async def produce():
    fut.set_result(42)


async def consume():
    return await fut


loop.run_until_complete(produce())
print(loop.run_until_complete(consume()))
loop.close()
