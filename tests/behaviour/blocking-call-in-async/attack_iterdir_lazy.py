# expect: unchanged
# `iterdir()` and `glob()` return lazy iterators: the file-system work happens as they are
# consumed, so moving the call into a thread would move nothing. Reported without a fix.
import asyncio
import tempfile
from pathlib import Path


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        with open(Path(tmp, "a.txt"), "wb"):
            pass
        entries = Path(tmp).iterdir()
        matches = Path(tmp).glob("*.txt")
        print(sorted(e.name for e in entries), sorted(m.name for m in matches))


asyncio.run(main())
