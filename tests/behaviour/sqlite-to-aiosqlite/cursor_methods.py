# cur = conn.cursor(): execute, executemany, executescript, fetchone, lastrowid, rowcount, description, close.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    cur = conn.cursor()
    cur.execute("create table t (id integer primary key, name text)")
    cur.execute("insert into t (name) values (?)", ("x",))
    print("lastrowid", cur.lastrowid, "rowcount", cur.rowcount)
    cur.execute("update t set name = 'y'")
    print("rowcount", cur.rowcount)
    cur.execute("select id, name from t")
    print([d[0] for d in cur.description])
    print(cur.fetchone())
    print(cur.fetchone())
    cur.executemany("insert into t (name) values (?)", [("p",), ("q",)])
    print("executemany rowcount", cur.rowcount)
    cur.executescript("insert into t (name) values ('r'); insert into t (name) values ('s');")
    print(cur.execute("select count(*) from t").fetchone())
    cur.close()
    conn.commit()
    conn.close()


asyncio.run(main())
