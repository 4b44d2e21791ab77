# expect: unchanged
# A plain `def` with a `timeout` parameter, run in a thread: not a finding.
import asyncio
import time


def blocking(timeout=0.001):
    time.sleep(timeout)
    return f"slept {timeout}"


async def main():
    print(await asyncio.to_thread(blocking))


asyncio.run(main())
