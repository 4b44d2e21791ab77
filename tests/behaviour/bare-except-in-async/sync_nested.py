# expect: unchanged
# A bare except in a sync helper defined inside async def: not a finding.
import asyncio


async def main():
    def safe_div(a, b):
        try:
            return a / b
        except:
            return float("nan")

    print(safe_div(1, 2), safe_div(1, 0))
    print(await asyncio.to_thread(safe_div, 4, 2))


asyncio.run(main())
