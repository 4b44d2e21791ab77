# expect: unchanged
# from sqlite3 import *: the engine refuses fixes in a module with a star import.
import asyncio
from sqlite3 import *


async def main():
    conn = connect(":memory:")
    print(conn.execute("select 1").fetchone(), Row)
    conn.close()


asyncio.run(main())
