# expect: rewritten
# `subprocess.run(...)` as a statement becomes `await asyncio.to_thread(subprocess.run, ...)`.
import asyncio
import subprocess
import sys


async def main():
    print("before")
    subprocess.run([sys.executable, "-c", "import sys; sys.exit(0)"], check=True)
    print("after")


asyncio.run(main())
