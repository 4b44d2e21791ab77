# An async generator that yields rows while its connection is open; consumed partly (break)
# and fully. The connection's lifetime spans the yields in both.
import asyncio
import sqlite3


async def rows(n):
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (n)")
    conn.executemany("insert into t values (?)", [(i,) for i in range(n)])
    for (value,) in conn.execute("select n from t order by n"):
        yield value
    print("generator end", conn.total_changes)
    conn.close()


async def main():
    print([v async for v in rows(3)])
    async for v in rows(100):
        if v == 2:
            break
    print("broke at", v)


asyncio.run(main())
