# expect: rewritten
# `*args` / `**kwargs` pass through.
import asyncio
import subprocess
import sys


async def main():
    args = ([sys.executable, "-c", "print('splat')"],)
    kwargs = {"capture_output": True, "text": True}
    result = subprocess.run(*args, **kwargs)
    print(result.stdout.strip())


asyncio.run(main())
