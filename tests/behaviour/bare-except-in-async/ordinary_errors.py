# expect: unchanged
# A bare except around a `try` body that never suspends: no cancellation can arrive there,
# not a finding.
import asyncio


async def parse(text):
    await asyncio.sleep(0)
    try:
        return int(text)
    except:
        return None


async def main():
    print([await parse(t) for t in ["1", "two", "3"]])


asyncio.run(main())
