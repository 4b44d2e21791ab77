# expect: unchanged
# fixes: safe
# `asyncio` is rebound at module level to a shim whose `run` is a plain function that may be
# called inside a running loop.
import asyncio
import types

_real = asyncio


def _run(value):
    return f"shim ran {type(value).__name__}"


asyncio = types.SimpleNamespace(run=_run, sleep=_real.sleep)


async def main():
    return asyncio.run(42)


print(_real.run(main()))
