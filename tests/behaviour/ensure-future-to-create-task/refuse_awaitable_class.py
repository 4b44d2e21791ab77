# expect: unchanged
# A class of this module with `__await__`: `ensure_future` accepts the instance,
# `create_task` would not.
import asyncio


class Delayed:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.value


async def main():
    print(await asyncio.ensure_future(Delayed("awaitable")))


asyncio.run(main())
