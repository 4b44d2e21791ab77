# fixes: safe
# expect: any
# A context variable reached without importing `contextvars` by name: the request id lives in
# a ContextVar built through `importlib` (as a library module would hold it). The caller sets
# it; with `run_in_executor` the worker saw the default, with `to_thread` it would see the
# caller's value. A safe fix must not change what is printed.
import asyncio
import importlib

request_id = importlib.import_module("contextvars").ContextVar("request_id", default="-")


def log_line(msg):
    return f"[{request_id.get()}] {msg}"


async def handle():
    request_id.set("req-42")
    loop = asyncio.get_running_loop()
    line = await loop.run_in_executor(None, log_line, "handled")
    print(line)


asyncio.run(handle())
