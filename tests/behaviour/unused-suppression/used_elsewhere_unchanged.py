# expect: unchanged
# A directive for a transform that did not run (only unused-suppression is selected here) is
# not called unused: nothing changes.
import asyncio
import time


async def main():
    time.sleep(0)  # asyncup: ignore[blocking-sleep]
    print("slept")


asyncio.run(main())
