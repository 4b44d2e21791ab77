# expect: unchanged
# `subprocess.run(...)` inside a larger expression is reported without a fix.
import asyncio
import subprocess
import sys


async def main():
    print(subprocess.run([sys.executable, "-c", "print('inner')"], capture_output=True).stdout)
    if subprocess.run([sys.executable, "-c", "raise SystemExit(1)"]).returncode:
        print("non-zero")


asyncio.run(main())
