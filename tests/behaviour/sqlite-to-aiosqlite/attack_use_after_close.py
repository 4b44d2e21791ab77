# expect: unchanged
# A use after close(): sqlite3 raises ProgrammingError, aiosqlite ValueError. Refused.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.close()
    try:
        conn.execute("select 1")
    except Exception as e:
        print(type(e).__name__, e)


asyncio.run(main())
