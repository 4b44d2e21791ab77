# sqlite3 exceptions still raised (aiosqlite re-raises the worker's exception): IntegrityError,
# OperationalError, ProgrammingError of a bad binding; code after the try runs; a finally closes.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("create table t (x primary key)")
        conn.execute("insert into t values (1)")
        try:
            conn.execute("insert into t values (1)")
        except sqlite3.IntegrityError as e:
            print("integrity", e, type(e).__mro__[1].__name__)
        try:
            conn.execute("select * from missing")
        except sqlite3.OperationalError as e:
            print("operational", e)
        try:
            conn.execute("select ?", (1, 2))
        except sqlite3.Error as e:
            print(type(e).__name__, e)
        print("after the trys", conn.execute("select count(*) from t").fetchone()[0])
    finally:
        conn.close()
    print("done")


asyncio.run(main())
