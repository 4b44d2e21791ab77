# expect: unchanged
# Imported coroutine functions, locally shadowed names, plain defs and classes are not
# findings.
import asyncio
from asyncio import sleep


async def helper():
    print("helper ran")


def plain():
    return "plain"


class Thing:
    pass


async def main(helper=plain):
    sleep(0)
    helper()
    plain()
    Thing()
    print("done")


asyncio.run(main())
