# expect: any
# An awaitable object that is not a coroutine (a class of this module with `__await__`):
# `gather` accepts it, `tg.create_task` would raise TypeError.
import asyncio


class Delayed:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.value


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    res = await asyncio.gather(Delayed("object"), value("coroutine"))
    print(res)


asyncio.run(main())
