# while (row := cur.fetchone()) is not None: the walrus keeps its parentheses; an if test, an
# assert, a try/finally closing, a tuple unpacking target.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("create table t (n)")
        conn.executemany("insert into t values (?)", [(1,), (2,), (3,)])
        cur = conn.execute("select n from t order by n")
        while (row := cur.fetchone()) is not None:
            print("row", row)
        if conn.execute("select count(*) from t").fetchone()[0] == 3:
            print("three")
        assert conn.execute("select 1").fetchone() == (1,), "one"
        (low, high), = conn.execute("select min(n), max(n) from t").fetchall()
        print(low, high)
    finally:
        conn.close()
        print("closed")


asyncio.run(main())
