# fixes: safe
# Callees from the standard library that read no context state (`time.sleep`, `os.path.*`,
# `shutil.*`): the safe fix is applied, and the results, exceptions and messages are kept.
import asyncio
import contextvars
import os.path
import shutil
import time

var = contextvars.ContextVar("var", default="default")


async def main():
    var.set("caller")
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 0.001)
    print(await loop.run_in_executor(None, os.path.join, "a", "b"))
    print(await loop.run_in_executor(None, shutil.which, "definitely-not-a-command-xyz"))
    try:
        await loop.run_in_executor(None, os.stat, "/definitely/not/here")
    except FileNotFoundError as exc:
        print(type(exc).__name__, exc.errno, exc.filename)


asyncio.run(main())
