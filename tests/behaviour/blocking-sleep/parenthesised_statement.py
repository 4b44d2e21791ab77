# The call as a parenthesised statement, and with a computed duration.
import asyncio
import time

DELAYS = {"short": 0.001, "none": 0}


async def main():
    (time.sleep(DELAYS["short"]))
    time.sleep(DELAYS["none"] * 2)
    print("both slept")


asyncio.run(main())
