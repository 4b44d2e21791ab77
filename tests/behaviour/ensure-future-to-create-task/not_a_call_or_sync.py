# expect: unchanged
# A name (maybe a future) is not a finding; nor is sync code, where no loop may be running.
import asyncio


async def value():
    return "v"


def schedule(loop):
    asyncio.set_event_loop(loop)
    return asyncio.ensure_future(value())


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("future")
    print(await asyncio.ensure_future(fut))


asyncio.run(main())
loop = asyncio.new_event_loop()
print(loop.run_until_complete(schedule(loop)))
loop.close()
