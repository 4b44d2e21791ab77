# expect: unchanged
# The name rebound to something else (or deleted), or bound on another path: refused.
import asyncio
import sqlite3


async def rebound():
    conn = sqlite3.connect(":memory:")
    print(conn.execute("select 1").fetchone())
    conn.close()
    conn = "a string now"
    print(conn.upper())


async def two_paths(flag):
    if flag:
        conn = sqlite3.connect(":memory:")
    else:
        conn = None
    if conn is not None:
        print(conn.execute("select 2").fetchone())


async def deleted():
    conn = sqlite3.connect(":memory:")
    print(conn.execute("select 3").fetchone())
    del conn
    print("deleted")


async def main():
    await rebound()
    await two_paths(True)
    await two_paths(False)
    await deleted()


asyncio.run(main())
