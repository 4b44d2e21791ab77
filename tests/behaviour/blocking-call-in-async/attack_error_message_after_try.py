# `subprocess.run(..., check=True)` that fails: the exception type, return code and command are
# the same through `to_thread`, and the code after the `try` runs.
import asyncio
import subprocess
import sys


async def main():
    cmd = [sys.executable, "-c", "import sys; sys.exit(3)"]
    try:
        result = subprocess.run(cmd, check=True)
    except subprocess.CalledProcessError as exc:
        print(type(exc).__name__, exc.returncode, exc.cmd[1:])
    print("after try")
    result = subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True)
    print(result.returncode, result.stdout.strip())


asyncio.run(main())
