# Two connections in one function, the second made inside the first's block, a file
# database shared by both: both migrated (one per pass), the second closed before the first.
import asyncio
import os
import sqlite3
import tempfile

PATH = os.path.join(tempfile.mkdtemp(), "db.sqlite")


async def main():
    writer = sqlite3.connect(PATH)
    writer.execute("create table t (x)")
    writer.execute("insert into t values (1)")
    writer.commit()
    reader = sqlite3.connect(PATH)
    print(reader.execute("select x from t").fetchall())
    writer.execute("insert into t values (2)")
    print(reader.execute("select x from t").fetchall())
    writer.commit()
    print(reader.execute("select x from t").fetchall())
    reader.close()
    writer.close()


asyncio.run(main())
