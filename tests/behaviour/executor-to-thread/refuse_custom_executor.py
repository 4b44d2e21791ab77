# expect: unchanged
# A custom executor: `to_thread` always uses the default one. Refused.
import asyncio
import concurrent.futures
import threading


def name():
    return threading.current_thread().name.split("_")[0]


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(thread_name_prefix="custom") as pool:
        print(await loop.run_in_executor(pool, name))


asyncio.run(main())
