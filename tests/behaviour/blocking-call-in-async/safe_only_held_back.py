# expect: unchanged
# fixes: safe
# The `to_thread` fix is unsafe: without --unsafe-fixes nothing changes.
import asyncio
import subprocess
import sys


async def main():
    result = subprocess.run([sys.executable, "-c", "print('held back')"], capture_output=True)
    print(result.stdout.decode().strip())


asyncio.run(main())
