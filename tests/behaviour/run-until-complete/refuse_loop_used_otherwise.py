# expect: unchanged
# The loop is used for something else besides the run (a task created on it, and its clock).
import asyncio


async def tick(label):
    await asyncio.sleep(0)
    return label


loop = asyncio.new_event_loop()
task = loop.create_task(tick("early"))
print(loop.run_until_complete(tick("main")), loop.is_closed())
print(task.result())
loop.close()
