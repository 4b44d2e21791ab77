# expect: unchanged
# conn.isolation_level = None: aiosqlite sets it from the event loop's thread and sqlite3
# raises ProgrammingError (the connection belongs to the worker thread). Refused.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.isolation_level = None
    conn.execute("create table t (x)")
    conn.execute("insert into t values (1)")
    print(conn.in_transaction, conn.isolation_level)
    conn.close()


asyncio.run(main())
