# expect: unchanged
# sqlite3.connect(path, 5.0): aiosqlite.connect takes only the database positionally; and
# factory= (a custom Connection class whose methods may differ). Refused.
import asyncio
import sqlite3


class Custom(sqlite3.Connection):
    def execute(self, *args):
        print("custom execute")
        return super().execute(*args)


async def main():
    conn = sqlite3.connect(":memory:", 5.0)
    print(conn.execute("select 1").fetchone())
    conn.close()
    conn2 = sqlite3.connect(":memory:", factory=Custom)
    print(conn2.execute("select 2").fetchone())
    conn2.close()


asyncio.run(main())
