# expect: unchanged
# A variable flag is not reported (it may be False).
import asyncio


async def fail():
    raise TypeError("t")


async def main(flag):
    try:
        print(await asyncio.gather(fail(), return_exceptions=flag))
    except TypeError:
        print("raised because flag is", flag)


asyncio.run(main(True))
asyncio.run(main(False))
