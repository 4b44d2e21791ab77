# fixes: safe
# expect: unchanged
# This module uses context variables: `to_thread` would copy them into the worker, where
# `run_in_executor` ran in an empty context. The fix is unsafe, so safe fixes leave it.
import asyncio
import contextvars

user = contextvars.ContextVar("user", default="nobody")


def whoami():
    return user.get()


async def main():
    user.set("alice")
    loop = asyncio.get_running_loop()
    print("worker sees", await loop.run_in_executor(None, whoami))


asyncio.run(main())
