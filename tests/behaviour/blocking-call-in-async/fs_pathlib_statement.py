# expect: rewritten
# `pathlib.Path(...)` methods that touch the file system, as statements and values: the path
# is built on the loop's thread, the method runs in a worker thread, with the same result.
# (No `with` around the calls: a sync `with` block is a reason to refuse.)
import asyncio
import pathlib
import shutil
import tempfile
from pathlib import Path


async def main():
    tmp = tempfile.mkdtemp()
    try:
        (Path(tmp) / "sub").mkdir()
        Path(tmp, "sub", "a.txt").write_text("alpha", encoding="utf-8")
        text = pathlib.Path(tmp, "sub", "a.txt").read_text(encoding="utf-8")
        print(text, Path(tmp, "sub").is_dir(), Path(tmp, "nope").exists())
        Path(tmp, "sub", "a.txt").unlink()
        try:
            Path(tmp, "sub", "a.txt").unlink()
        except FileNotFoundError:
            print("already gone")
        print(sorted(p.name for p in Path(tmp).iterdir()))
    finally:
        shutil.rmtree(tmp)


asyncio.run(main())
