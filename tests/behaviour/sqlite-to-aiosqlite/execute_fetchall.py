# conn = sqlite3.connect(...) ... conn.close(): execute, commit, fetchall, close.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (id integer primary key, name text)")
    conn.execute("insert into t (name) values (?)", ("a",))
    conn.execute("insert into t (name) values (:n)", {"n": "b"})
    conn.commit()
    rows = conn.execute("select id, name from t order by id").fetchall()
    print(rows)
    conn.close()
    print("closed")


asyncio.run(main())
