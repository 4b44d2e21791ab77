# `create_subprocess_exec` / `create_subprocess_shell` with `loop=`.
import asyncio
import sys


async def main():
    loop = asyncio.get_running_loop()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "print('child says hi')",
        stdout=asyncio.subprocess.PIPE,
        loop=loop,
    )
    out, _ = await proc.communicate()
    print(out.decode().strip(), proc.returncode)
    shell = await asyncio.create_subprocess_shell("exit 3", loop=loop)
    print("shell exit", await shell.wait())


asyncio.run(main())
