# expect: unchanged
# A cursor name that is also a parameter (another object before the assignment), a cursor name
# read before its first assignment, a connection used in a nested async def, a use under a
# threading.Lock: refused.
import asyncio
import sqlite3
import threading

LOCK = threading.Lock()


class Fake:
    def fetchone(self):
        return "fake row"


async def parameter(cur):
    conn = sqlite3.connect(":memory:")
    print(cur.fetchone())
    cur = conn.execute("select 1")
    print(cur.fetchone())
    conn.close()


async def nested_async():
    conn = sqlite3.connect(":memory:")

    async def inner():
        return conn.execute("select 2").fetchone()

    print(await inner())
    conn.close()


async def locked():
    conn = sqlite3.connect(":memory:")
    with LOCK:
        print(conn.execute("select 3").fetchone())
    conn.close()


async def main():
    await parameter(Fake())
    await nested_async()
    await locked()


asyncio.run(main())
