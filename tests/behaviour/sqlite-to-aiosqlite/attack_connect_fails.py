# A database that cannot be opened: sqlite3.OperationalError from the connect (aiosqlite
# raises it when the async with enters, and stops its worker thread: the program still ends);
# a use inside a try whose handler catches it; code after the try.
import asyncio
import os
import sqlite3
import tempfile

MISSING = os.path.join(tempfile.mkdtemp(), "no", "such", "dir", "db.sqlite")


async def main():
    try:
        conn = sqlite3.connect(MISSING)
        print("opened", conn.total_changes)
    except sqlite3.OperationalError as e:
        print("cannot open:", e)
    try:
        conn = sqlite3.connect(":memory:", uri=False)
        conn.execute("select * from nope")
    except sqlite3.DatabaseError as e:
        print(type(e).__name__, e)
    print("after")


asyncio.run(main())
