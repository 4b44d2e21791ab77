# `from asyncio import wait_for as wf`; the import goes away once unused, `run` stays.
from asyncio import run, sleep, wait_for as wf


async def value(x):
    await sleep(0)
    return x


async def main():
    got = await wf(value(5), 1)
    print(got)
    try:
        await wf(sleep(1), 0.05)
    except TimeoutError:
        print("timed out")


run(main())
