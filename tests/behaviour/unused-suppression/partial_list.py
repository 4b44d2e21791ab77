# Only the unknown id goes; the known one stays.
import asyncio
import time


async def main():
    time.sleep(0)  # asyncup: ignore[bogus, blocking-sleep]
    print("ok")


asyncio.run(main())
