# Chained and nested uses: conn.execute(q).fetchone()[0], len(...fetchall()), arithmetic,
# f-strings (no `=`), a comparison, a call argument, a conditional expression.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (n)")
    conn.executemany("insert into t values (?)", [(1,), (2,), (3,)])
    print(conn.execute("select sum(n) from t").fetchone()[0] * 2)
    print(len(conn.execute("select n from t").fetchall()))
    print(f"count {conn.execute('select count(*) from t').fetchone()[0]}")
    print(conn.execute("select max(n) from t").fetchone() == (3,))
    x = conn.execute("select 1").fetchone()[0] if conn.total_changes else -1
    print(x, -conn.execute("select 5").fetchone()[0])
    rows = sorted(conn.execute("select n from t").fetchall(), reverse=True)
    print(rows, conn.execute("select n from t").fetchmany(2)[1:])
    print([conn.execute(f"select {i} * 2").fetchone()[0] for i in range(3)])
    print({d[0]: d[1] for d in conn.execute("select n, n from t").description})
    conn.close()


asyncio.run(main())
