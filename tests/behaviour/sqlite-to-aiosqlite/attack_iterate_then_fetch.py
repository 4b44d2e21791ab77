# expect: unchanged
# aiosqlite iterates a cursor in chunks of 64 rows: after a break, fetchone() would return the
# row after the chunk, not the next one. A cursor used after a for loop over it is refused.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (n)")
    conn.executemany("insert into t values (?)", [(i,) for i in range(150)])
    cur = conn.execute("select n from t order by n")
    for row in cur:
        if row[0] == 3:
            break
    print("after break", cur.fetchone())
    conn.close()


asyncio.run(main())
