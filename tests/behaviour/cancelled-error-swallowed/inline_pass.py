# `except asyncio.CancelledError: pass` on one line becomes a block; a foreign cancellation
# (a cancelled future) is still swallowed.
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


asyncio.run(main())
