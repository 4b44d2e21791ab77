# expect: rewritten
# A file with both a fixable `subprocess.run` and an `open()` (reported only).
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile


async def main():
    # Not inside `with TemporaryDirectory()`: a call in a sync `with` block is refused.
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "out.txt")
    with open(path, "w") as out:
        out.write("written by parent\n")
    subprocess.run(
        [sys.executable, "-c", f"open({path!r}, 'a').write('appended by child\\n')"],
        check=True,
    )
    with open(path) as f:
        print(f.read(), end="")
    shutil.rmtree(tmp)


asyncio.run(main())
