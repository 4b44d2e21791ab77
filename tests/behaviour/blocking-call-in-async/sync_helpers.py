# expect: unchanged
# Blocking calls in a sync helper (run through `to_thread`) or a lambda are not findings.
import asyncio
import subprocess
import sys


def helper():
    return subprocess.run([sys.executable, "-c", "print('helper')"], capture_output=True, text=True)


async def main():
    result = await asyncio.to_thread(helper)
    print(result.stdout.strip())
    runner = lambda: subprocess.run([sys.executable, "-c", "print('lambda')"], capture_output=True, text=True)
    print((await asyncio.to_thread(runner)).stdout.strip())

    def nested():
        return subprocess.run([sys.executable, "-c", "print('nested')"], capture_output=True, text=True)

    print((await asyncio.to_thread(nested)).stdout.strip())


asyncio.run(main())
