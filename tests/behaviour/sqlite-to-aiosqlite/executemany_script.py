# executemany, executescript, total_changes, in_transaction.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.executescript("""
        create table a (x);
        create table b (y);
        insert into a values (1);
    """)
    print(conn.total_changes, conn.in_transaction)
    cur = conn.executemany("insert into b values (?)", [(1,), (2,), (3,)])
    print(cur.rowcount, conn.total_changes, conn.in_transaction)
    conn.commit()
    print(conn.in_transaction)
    print(conn.execute("select count(*) from b").fetchone()[0])
    conn.close()


asyncio.run(main())
