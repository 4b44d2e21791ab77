# expect: rewritten
# `import subprocess as sp` and `import asyncio as aio`: the fix spells `aio.to_thread(sp.run, ...)`.
import asyncio as aio
import subprocess as sp
import sys


async def main():
    out = sp.run([sys.executable, "-c", "print('aliased')"], capture_output=True, text=True)
    print(out.stdout, end="")


aio.run(main())
