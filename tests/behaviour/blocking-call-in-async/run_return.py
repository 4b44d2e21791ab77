# expect: rewritten
# `return subprocess.run(...)` returns the same result, now awaited.
import asyncio
import subprocess
import sys


async def run_child(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


async def main():
    for code in ["print(1 + 1)", "print('x' * 3)"]:
        result = await run_child(code)
        print(result.stdout.strip())


asyncio.run(main())
