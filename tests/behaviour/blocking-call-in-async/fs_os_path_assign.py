# expect: rewritten
# `os.path` calls that touch the file system, as an assignment's value or a `return` value:
# `await asyncio.to_thread(os.path.exists, ...)` gives the same values.
import asyncio
import os.path
import tempfile


async def probe(path):
    exists = os.path.exists(path)
    size = os.path.getsize(path)
    is_dir: bool = os.path.isdir(path)
    return exists, size, is_dir, os.path.isfile(path=path)


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "data.txt")
        with open(path, "w") as f:
            f.write("12345")
        print(await probe(path))
        try:
            await probe(os.path.join(tmp, "missing"))
        except FileNotFoundError as err:
            print("missing:", type(err).__name__)


asyncio.run(main())
