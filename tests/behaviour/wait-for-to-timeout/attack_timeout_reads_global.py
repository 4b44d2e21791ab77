# expect: any
# fixes: safe
# A constant-looking module name that a helper rebinds with `global`, while the awaitable
# expression is evaluated: `wait_for` reads it afterwards.
import asyncio

TIMEOUT = 0.01


async def work(x):
    await asyncio.sleep(0.1)
    return x * 2


def configure():
    global TIMEOUT
    TIMEOUT = 1.0
    return 21


async def main():
    try:
        value = await asyncio.wait_for(work(configure()), TIMEOUT)
        print(value)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
