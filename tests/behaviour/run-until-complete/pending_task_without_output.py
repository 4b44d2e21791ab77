# A task left pending when the coroutine returns: run_until_complete leaves it pending,
# asyncio.run cancels it; it prints nothing, so the output is the same.
import asyncio


async def background(box):
    await asyncio.sleep(10)
    box.append("never")


async def main(box):
    asyncio.get_running_loop().create_task(background(box))
    await asyncio.sleep(0)
    return len(box)


box = []
loop = asyncio.new_event_loop()
print("pending at return:", loop.run_until_complete(main(box)))
loop.close()
print(box)
