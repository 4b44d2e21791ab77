# expect: unchanged
# Without return_exceptions (or with False), the first error is raised: not a finding.
import asyncio


async def fail():
    await asyncio.sleep(0)
    raise LookupError("raised")


async def main():
    print(await asyncio.gather(asyncio.sleep(0, 1), asyncio.sleep(0, 2)))
    try:
        await asyncio.gather(fail(), return_exceptions=False)
    except LookupError as exc:
        print("caught", exc)


asyncio.run(main())
