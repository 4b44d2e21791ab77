# A cursor takes the connection's row_factory when it is created: setting it later does not
# change that cursor; cursor.row_factory read and set.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (id, name)")
    conn.execute("insert into t values (1, 'a')")
    cur = conn.cursor()
    conn.row_factory = sqlite3.Row
    cur.execute("select id, name from t")
    print(type(cur.fetchone()).__name__, cur.row_factory)
    cur2 = conn.execute("select id, name from t")
    print(type(cur2.fetchone()).__name__)
    cur2.row_factory = None
    cur2.execute("select id, name from t")
    print(cur2.fetchone())
    conn.text_factory = bytes
    print(conn.execute("select name from t").fetchone()[0])
    conn.close()


asyncio.run(main())
