# expect: unchanged
# A nested `async def` with a `timeout` parameter.
import asyncio


async def main():
    async def attempt(n, timeout=0.01):
        try:
            async with asyncio.timeout(timeout):
                await asyncio.sleep(n)
            return "ok"
        except TimeoutError:
            return "late"

    print([await attempt(n) for n in (0, 1)])


asyncio.run(main())
