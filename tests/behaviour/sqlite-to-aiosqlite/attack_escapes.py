# expect: unchanged
# The connection passed to a helper, returned, stored on an object, used in a nested def or a
# lambda, or in a generator expression: the code there would get an aiosqlite connection. Refused.
import asyncio
import sqlite3


def helper(conn):
    return conn.execute("select 1").fetchone()


class Holder:
    pass


async def passed():
    conn = sqlite3.connect(":memory:")
    print(helper(conn))
    conn.close()


async def returned():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (x)")
    return conn


async def stored(h):
    conn = sqlite3.connect(":memory:")
    h.conn = conn
    print(h.conn.execute("select 2").fetchone())


async def nested():
    conn = sqlite3.connect(":memory:")

    def inner():
        return conn.execute("select 3").fetchone()

    print(inner(), (lambda: conn.total_changes)())
    conn.close()


async def comprehension():
    conn = sqlite3.connect(":memory:")
    print(list(conn.execute(f"select {i}").fetchone() for i in range(2)))
    conn.close()


async def main():
    await passed()
    c = await returned()
    print(c.execute("select count(*) from t").fetchone())
    await stored(Holder())
    await nested()
    await comprehension()


asyncio.run(main())
