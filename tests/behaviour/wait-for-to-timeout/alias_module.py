# `import asyncio as aio`: the rewrite spells `aio.timeout`.
import asyncio as aio


async def value(x):
    await aio.sleep(0)
    return x


async def main():
    got = await aio.wait_for(value("ok"), 1)
    print(got)
    try:
        await aio.wait_for(aio.sleep(1), 0.05)
    except aio.TimeoutError:
        print("timed out")


aio.run(main())
