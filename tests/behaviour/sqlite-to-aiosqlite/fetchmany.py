# cur.fetchmany(n), fetchmany(size=n), fetchmany() with the default arraysize, arraysize read and set.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (n)")
    conn.executemany("insert into t values (?)", [(i,) for i in range(7)])
    cur = conn.execute("select n from t order by n")
    print(cur.arraysize)
    print(cur.fetchmany(3))
    print(cur.fetchmany(size=2))
    print(cur.fetchmany())
    cur.arraysize = 2
    print(cur.arraysize, cur.fetchmany())
    print(cur.fetchall())
    print(cur.fetchmany(5))
    conn.close()


asyncio.run(main())
