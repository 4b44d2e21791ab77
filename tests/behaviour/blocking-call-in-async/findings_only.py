# expect: unchanged
# `open`, `os.system`, `sqlite3.connect`, `check_output`: findings without a fix.
import asyncio
import os
import sqlite3
import subprocess
import sys
import tempfile


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "data.txt")
        with open(path, "w") as f:
            f.write("line one\n")
        with open(path) as f:
            print(f.read().strip())
    conn = sqlite3.connect(":memory:")
    print(conn.execute("select 1 + 2").fetchone())
    conn.close()
    print(os.system("exit 0") == 0)
    print(subprocess.check_output([sys.executable, "-c", "print('checked')"]).decode().strip())


asyncio.run(main())
