# A connection never closed: sqlite3 closes it when the function returns (its last reference
# goes), dropping the uncommitted insert; the program ends (no worker thread left running).
import asyncio
import os
import sqlite3
import tempfile

PATH = os.path.join(tempfile.mkdtemp(), "db.sqlite")


def count():
    other = sqlite3.connect(PATH)
    n = other.execute("select count(*) from t").fetchone()[0]
    other.close()
    return n


async def work():
    conn = sqlite3.connect(PATH)
    conn.execute("create table t (x)")
    conn.execute("insert into t values (1)")
    conn.commit()
    conn.execute("insert into t values (2)")
    return conn.total_changes


async def main():
    print(await work())
    print(count())


asyncio.run(main())
