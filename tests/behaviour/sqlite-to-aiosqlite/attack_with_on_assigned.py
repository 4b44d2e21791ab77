# expect: unchanged
# `with conn:` on an assigned connection (a transaction, not a close): no aiosqlite mapping.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (x)")
    with conn:
        conn.execute("insert into t values (1)")
    print(conn.in_transaction, conn.execute("select * from t").fetchall())
    conn.close()


asyncio.run(main())
