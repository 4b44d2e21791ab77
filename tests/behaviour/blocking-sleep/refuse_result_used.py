# expect: unchanged
# The result is used: reported without a fix, the program is left as it is.
import asyncio
import time


async def main():
    result = time.sleep(0)
    print("result", result)
    print("in a list", [time.sleep(0)])


asyncio.run(main())
