# expect: rewritten
# A parameter annotated `Path`: its file-system methods are reported and moved to a thread.
import asyncio
import tempfile
from pathlib import Path


async def size_of(path: Path) -> int:
    return path.stat().st_size


async def first_line(path: "Path"):
    content = path.read_text()
    return content.splitlines()[0]


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "f.txt"
        target.write_text("one\ntwo\n")
        print(await size_of(target), await first_line(target))


asyncio.run(main())
