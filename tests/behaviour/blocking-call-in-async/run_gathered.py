# expect: rewritten
# Several coroutines that each run a child: results come back in order either way.
import asyncio
import subprocess
import sys


async def square(n):
    result = subprocess.run(
        [sys.executable, "-c", f"print({n} * {n})"], capture_output=True, text=True
    )
    return int(result.stdout)


async def main():
    print(await asyncio.gather(square(2), square(3), square(4)))


asyncio.run(main())
