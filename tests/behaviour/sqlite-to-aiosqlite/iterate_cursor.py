# for row in cur: / for row in conn.execute(...): become async for; else clause and break kept.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (n)")
    conn.executemany("insert into t values (?)", [(i,) for i in range(150)])
    total = 0
    for (n,) in conn.execute("select n from t"):
        total += n
    print("total", total)
    cur = conn.execute("select n from t order by n")
    print("first", cur.fetchone())
    for row in cur:
        if row[0] == 3:
            print("break at", row)
            break
    else:
        print("no break")
    for row in conn.execute("select n from t where n < 2"):
        print(row)
    else:
        print("exhausted")
    conn.close()


asyncio.run(main())
