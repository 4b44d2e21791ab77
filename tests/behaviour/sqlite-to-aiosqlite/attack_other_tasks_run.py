# differs: other tasks of the loop run while a query runs
# A ticker task runs while the insert of another task waits for aiosqlite's worker thread;
# with sqlite3 the queries block the loop and the ticker never runs before they are done.
import asyncio
import sqlite3

events = []
done = False


async def ticker():
    while not done:
        events.append("tick")
        await asyncio.sleep(0)


async def queries():
    global done
    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (x)")
    events.append("created")
    conn.execute("insert into t values (1)")
    events.append("inserted")
    conn.close()
    done = True


async def main():
    await asyncio.gather(queries(), ticker())
    between = events[events.index("created") + 1 : events.index("inserted")]
    print("ticks while inserting:", bool(between), "ticks at all:", "tick" in events)


asyncio.run(main())
