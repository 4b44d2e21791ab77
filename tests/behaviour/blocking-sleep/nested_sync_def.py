# expect: unchanged
# A `def` inside `async def` is sync code (here it runs in a worker thread): not touched.
import asyncio
import time


async def main():
    def blocking(n):
        time.sleep(0.01)
        return n * 2

    print(await asyncio.to_thread(blocking, 21))
    later = lambda: time.sleep(0) or "lambda ran"
    print(later())


asyncio.run(main())
