# expect: unchanged
# A poll bounded by `asyncio.timeout`: the condition never comes, the deadline fires.
import asyncio

flag = False


async def main():
    try:
        async with asyncio.timeout(0.01):
            while not flag:
                await asyncio.sleep(0.001)
    except TimeoutError:
        print("never became true")


asyncio.run(main())
