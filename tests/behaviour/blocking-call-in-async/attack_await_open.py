# expect: unchanged
# An awaited `open(...)` (or one used by `async with`) is an async API, not the builtin (the
# builtin's file cannot be awaited): no finding, nothing moved. Here the name comes from a
# module attribute installed at run time, which no import shows.
import asyncio
import builtins


class AsyncFile:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def async_open(name):
    await asyncio.sleep(0)
    return AsyncFile(name)


def _aopen(name):
    return AsyncFile(name)


async def main():
    real = builtins.open
    builtins.open = async_open
    try:
        handle = await open("awaited.txt")
    finally:
        builtins.open = real
    builtins.open = _aopen
    try:
        async with open("entered.txt") as f:
            print(handle.name, f.name)
    finally:
        builtins.open = real


asyncio.run(main())
