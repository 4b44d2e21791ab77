# expect: unchanged
# Results tested with isinstance(r, Exception): not a finding.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    if x % 2:
        raise RuntimeError(f"odd {x}")
    return x


async def main():
    results = await asyncio.gather(*(value(x) for x in range(5)), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("error:", r)
        else:
            print("value:", r)


asyncio.run(main())
