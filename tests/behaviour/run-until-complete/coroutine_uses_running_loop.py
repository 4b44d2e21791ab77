# Inside the coroutine, `get_event_loop()` / `get_running_loop()` return the running loop
# either way; only sync code outside is a blocker.
import asyncio


async def main():
    loop = asyncio.get_event_loop()
    same = loop is asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from the loop")
    print(same, await fut)


event_loop = asyncio.new_event_loop()
event_loop.run_until_complete(main())
event_loop.close()
print("closed")
