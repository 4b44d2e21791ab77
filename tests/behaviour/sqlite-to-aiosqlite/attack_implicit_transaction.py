# sqlite3's implicit BEGIN before DML (isolation_level "" and "IMMEDIATE" passed to connect)
# is kept: aiosqlite drives the same sqlite3 connection. in_transaction and isolation_level read.
import asyncio
import os
import sqlite3
import tempfile

PATH = os.path.join(tempfile.mkdtemp(), "db.sqlite")


def visible():
    other = sqlite3.connect(PATH, timeout=0)
    try:
        return other.execute("select count(*) from t").fetchone()[0]
    finally:
        other.close()


async def main():
    conn = sqlite3.connect(PATH)
    print(repr(conn.isolation_level))
    conn.execute("create table t (x)")
    print("after create", conn.in_transaction)
    conn.execute("insert into t values (1)")
    print("after insert", conn.in_transaction, visible())
    conn.commit()
    print("after commit", conn.in_transaction, visible())
    conn.close()
    auto = sqlite3.connect(PATH, isolation_level=None)
    auto.execute("insert into t values (2)")
    print("autocommit", auto.in_transaction, visible())
    auto.close()
    imm = sqlite3.connect(PATH, isolation_level="IMMEDIATE")
    imm.execute("insert into t values (3)")
    print("immediate", imm.in_transaction, repr(imm.isolation_level))
    imm.rollback()
    imm.close()
    print("end", visible())


asyncio.run(main())
