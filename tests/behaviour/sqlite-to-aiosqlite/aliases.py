# import sqlite3 as sq, from sqlite3 import connect as open_db: both migrated; sync code left alone.
import asyncio
import sqlite3 as sq
from sqlite3 import connect as open_db


def sync_count():
    conn = sq.connect(":memory:")
    n = conn.execute("select 42").fetchone()[0]
    conn.close()
    return n


async def first():
    conn = sq.connect(":memory:")
    print(conn.execute("select 1 + 1").fetchone())
    conn.close()


async def second():
    db = open_db(":memory:", timeout=1.0, detect_types=sq.PARSE_DECLTYPES)
    print(db.execute("select 'x'").fetchall())
    db.close()


async def main():
    await first()
    await second()
    print(sync_count())


asyncio.run(main())
