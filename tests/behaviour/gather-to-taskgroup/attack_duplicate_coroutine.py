# expect: unchanged
# One coroutine object passed twice: gather awaits it once and returns its result twice;
# `tg.create_task` on it twice would fail. Refused (it is a name, not a call).
import asyncio


async def value(x):
    await asyncio.sleep(0)
    print("value ran", x)
    return x


async def main():
    coro = value(1)
    print(await asyncio.gather(coro, coro))
    a = value(2)
    first, second = await asyncio.gather(a, a)
    print(first, second)


asyncio.run(main())
