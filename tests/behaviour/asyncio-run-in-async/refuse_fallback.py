# expect: unchanged
# A `try: asyncio.run(...) except RuntimeError:` fallback is deliberate: refused.
import asyncio
import warnings

warnings.simplefilter("ignore", RuntimeWarning)


async def job():
    return "job done"


async def main():
    try:
        result = asyncio.run(job())
    except RuntimeError:
        result = await job()
    print(result)


asyncio.run(main())
