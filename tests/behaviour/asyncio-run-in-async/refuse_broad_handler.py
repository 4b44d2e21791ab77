# expect: unchanged
# `except Exception` also catches the RuntimeError: a fallback too, refused.
import asyncio
import warnings

warnings.simplefilter("ignore", RuntimeWarning)


async def job():
    return 1


async def main():
    try:
        print(asyncio.run(job()))
    except Exception as exc:
        print("fell back:", type(exc).__name__)


asyncio.run(main())
