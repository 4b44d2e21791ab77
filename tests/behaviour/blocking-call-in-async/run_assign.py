# expect: rewritten
# An assignment keeps the CompletedProcess.
import asyncio
import subprocess
import sys


async def main():
    result = subprocess.run(
        [sys.executable, "-c", "print('child says hi'); raise SystemExit(3)"],
        capture_output=True,
        text=True,
    )
    print(repr(result.stdout), result.returncode, type(result).__name__)
    typed: subprocess.CompletedProcess = subprocess.run([sys.executable, "-c", "pass"])
    print(typed.returncode, typed.args[1:])


asyncio.run(main())
