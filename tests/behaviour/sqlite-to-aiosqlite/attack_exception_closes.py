# differs: closed when its block ends, also when an exception leaves it
# An exception leaves the function with an uncommitted insert. With sqlite3 the connection
# stays open (the traceback keeps it) and holds its write lock while the caller handles the
# error; aiosqlite's `async with` closes it, rolling back and releasing the lock.
import asyncio
import os
import sqlite3
import tempfile

PATH = os.path.join(tempfile.mkdtemp(), "db.sqlite")
setup = sqlite3.connect(PATH)
setup.execute("create table t (x)")
setup.commit()
setup.close()


async def write():
    conn = sqlite3.connect(PATH)
    conn.execute("insert into t values (1)")
    raise RuntimeError("boom")


async def main():
    try:
        await write()
    except RuntimeError as e:
        other = sqlite3.connect(PATH, timeout=0)
        try:
            other.execute("insert into t values (2)")
            other.commit()
            print("second writer ok", e)
        except sqlite3.OperationalError as err:
            print("second writer", err)
        other.close()


asyncio.run(main())
