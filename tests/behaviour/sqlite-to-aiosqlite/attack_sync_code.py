# expect: unchanged
# Sync code is left alone, also a sync def nested in an async def and a connection made in
# sync code that async code uses through a global.
import asyncio
import sqlite3

DB = sqlite3.connect(":memory:")


def sync_work():
    conn = sqlite3.connect(":memory:")
    print(conn.execute("select 1").fetchone())
    conn.close()


async def main():
    def inner():
        conn = sqlite3.connect(":memory:")
        return conn.execute("select 2").fetchone()

    sync_work()
    print(inner(), DB.execute("select 3").fetchone())


asyncio.run(main())
