# expect: rewritten
# `from subprocess import run` and `from asyncio import run as arun`: `to_thread` is added to
# the from-import.
import sys
from asyncio import run as arun
from subprocess import run


async def main():
    done = run([sys.executable, "-c", "print('from import')"], capture_output=True)
    print(done.stdout.decode().strip(), done.returncode)


arun(main())
