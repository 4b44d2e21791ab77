# expect: rewritten
# `check=True` still raises CalledProcessError out of `to_thread`.
import asyncio
import subprocess
import sys


async def main():
    try:
        subprocess.run([sys.executable, "-c", "raise SystemExit(7)"], check=True)
    except subprocess.CalledProcessError as exc:
        print("failed with", exc.returncode)
    else:
        print("no error")


asyncio.run(main())
