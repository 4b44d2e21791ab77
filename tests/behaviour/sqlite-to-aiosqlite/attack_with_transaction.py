# expect: unchanged
# `with sqlite3.connect(p) as conn:` is a transaction: it commits on success, rolls back on an
# exception and does NOT close; aiosqlite's `async with` closes without committing. Refused.
import asyncio
import os
import sqlite3
import tempfile

PATH = os.path.join(tempfile.mkdtemp(), "db.sqlite")


def rows():
    check = sqlite3.connect(PATH)
    found = check.execute("select x from t").fetchall()
    check.close()
    return found


async def main():
    with sqlite3.connect(PATH) as conn:
        conn.execute("create table t (x)")
        conn.execute("insert into t values (1)")
    try:
        with sqlite3.connect(PATH) as conn:
            conn.execute("insert into t values (2)")
            raise ValueError("boom")
    except ValueError:
        pass
    print(rows())


asyncio.run(main())
