# expect: unchanged
# `os` rebound at module level to a stand-in: `os.path.exists` is not the real one, nothing is
# moved to a thread.
import asyncio
import os
import types

os = types.SimpleNamespace(path=types.SimpleNamespace(exists=lambda p: f"fake exists {p}"))


async def main():
    found = os.path.exists("x")
    print(found)


asyncio.run(main())
