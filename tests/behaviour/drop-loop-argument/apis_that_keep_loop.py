# expect: unchanged
# `ensure_future`, `run_coroutine_threadsafe` and `wrap_future` still take a loop: not touched.
import asyncio
import concurrent.futures


async def value():
    return "value"


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.ensure_future(value(), loop=loop))
    with concurrent.futures.ThreadPoolExecutor() as pool:
        cf = pool.submit(lambda: "from thread")
        print(await asyncio.wrap_future(cf, loop=loop))


asyncio.run(main())
