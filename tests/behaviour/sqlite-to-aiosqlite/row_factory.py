# conn.row_factory = sqlite3.Row: rows by name, keys().
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute("create table t (id, name)")
    conn.execute("insert into t values (1, 'a')")
    row = conn.execute("select id, name from t").fetchone()
    print(type(row).__name__, row["name"], row[0], row.keys(), tuple(row))
    print(conn.row_factory is sqlite3.Row)
    conn.row_factory = None
    print(conn.execute("select id, name from t").fetchone())
    conn.close()


asyncio.run(main())
