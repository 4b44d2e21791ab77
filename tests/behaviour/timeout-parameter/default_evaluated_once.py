# expect: unchanged
# A default computed at definition time: the program behaves as before (nothing rewritten).
import asyncio

calls = []


def default_timeout():
    calls.append("default")
    return 0.5


async def job(timeout=default_timeout()):
    async with asyncio.timeout(timeout):
        await asyncio.sleep(0)
    return timeout


async def main():
    print(await job(), await job(0.25), calls)


asyncio.run(main())
