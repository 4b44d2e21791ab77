# expect: unchanged
# wait_for's timeout cancels the inner coroutine; a bare except turns that into a value.
import asyncio


async def slow():
    try:
        await asyncio.sleep(3600)
    except:
        return "gave up quietly"


async def main():
    try:
        print(await asyncio.wait_for(slow(), 0.01))
    except TimeoutError:
        print("timed out")


asyncio.run(main())
