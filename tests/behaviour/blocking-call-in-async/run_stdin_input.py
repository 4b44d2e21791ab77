# expect: rewritten
# Keyword arguments (`input=`, `text=`) pass through `to_thread` unchanged.
import asyncio
import subprocess
import sys


async def main():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"],
        input="shout",  # piped to the child
        capture_output=True,
        text=True,
    )
    print(result.stdout.strip())


asyncio.run(main())
