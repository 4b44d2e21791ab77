# expect: unchanged
# The loop body updates a row the loop has not reached yet: sqlite3 steps the query one row at
# a time and sees the new value; aiosqlite fetched 64 rows before the update. Refused: only a
# literal SELECT may run in the body of a for over a cursor.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (id integer primary key, n)")
    conn.executemany("insert into t (n) values (?)", [(i,) for i in range(5)])
    seen = []
    for row_id, n in conn.execute("select id, n from t order by id"):
        seen.append(n)
        conn.execute("update t set n = n * 100 where id = ?", (row_id + 2,))
    print(seen)
    conn.close()


asyncio.run(main())
