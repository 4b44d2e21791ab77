# fixes: safe
# expect: unchanged
# Without --unsafe-fixes, a callee that is not provably a coroutine is left alone.
import asyncio


def make(n):
    return asyncio.sleep(0, result=n)


async def main():
    print(await asyncio.ensure_future(make(3)))


asyncio.run(main())
