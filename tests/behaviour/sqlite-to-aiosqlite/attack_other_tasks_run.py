# differs: other tasks of the loop run while a query runs
# A ticker task runs while the queries of another task wait for aiosqlite's worker thread;
# with sqlite3 the queries block the loop and the ticker runs only after.
import asyncio
import sqlite3

events = []


async def ticker():
    for i in range(3):
        events.append(f"tick {i}")
        await asyncio.sleep(0)


async def queries():
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (x)")
    events.append("created")
    conn.execute("insert into t values (1)")
    events.append("inserted")
    conn.close()


async def main():
    await asyncio.gather(queries(), ticker())
    print(events)


asyncio.run(main())
