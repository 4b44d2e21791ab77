# expect: unchanged
# Code runs after the loop that holds the `try`: a re-raise in the handler would skip it, and
# it cannot be deferred out of the loop.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for i in range(3):
        fut = loop.create_future()
        if i % 2:
            fut.cancel()
        else:
            fut.set_result(i)
        try:
            print("got", await fut)
        except asyncio.CancelledError: pass
    print("loop done")


asyncio.run(main())
