# expect: unchanged
# Errors split off with isinstance in a comprehension.
import asyncio


async def parse(text):
    await asyncio.sleep(0)
    return int(text)


async def main():
    results = await asyncio.gather(*map(parse, ["1", "x", "3"]), return_exceptions=True)
    errors = [r for r in results if isinstance(r, (ValueError, Exception))]
    values = [r for r in results if not isinstance(r, BaseException)]
    print(values, [type(e).__name__ for e in errors])


asyncio.run(main())
