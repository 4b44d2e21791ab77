# commit and rollback, checked through a second (sync) connection to the same file.
import asyncio
import os
import sqlite3
import tempfile

PATH = os.path.join(tempfile.mkdtemp(), "db.sqlite")


def count():
    other = sqlite3.connect(PATH)
    try:
        return other.execute("select count(*) from t").fetchone()[0]
    finally:
        other.close()


async def main():
    conn = sqlite3.connect(PATH)
    conn.execute("create table t (x)")
    conn.execute("insert into t values (1)")
    conn.commit()
    print("after commit", count())
    conn.execute("insert into t values (2)")
    conn.rollback()
    print("after rollback", count(), conn.execute("select count(*) from t").fetchone())
    conn.execute("insert into t values (3)")
    conn.close()
    print("after close without commit", count())


asyncio.run(main())
