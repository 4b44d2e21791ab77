# `from asyncio import wait_for as wf` still used after the rewrite (a refused `if` header, a
# sync helper): the import must stay.
from asyncio import run, sleep, wait_for as wf


async def value(x):
    await sleep(0)
    return x


def later():
    return wf(value("from a sync helper"), 1)


async def main():
    got = await wf(value(1), 1)
    if await wf(value(True), 1):
        print("header", got)
    print(await later())


run(main())
