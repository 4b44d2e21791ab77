# differs: keeps aiosqlite's worker thread (not a daemon) alive: the interpreter waits for it at exit
# An async generator suspended inside its connection's block: with aiosqlite a non-daemon
# thread runs while the connection is open, so a generator (or task) left suspended at exit
# outside asyncio.run (which closes them) would hold the exit. Closed here to end cleanly.
import asyncio
import sqlite3
import threading


async def rows():
    conn = sqlite3.connect(":memory:")
    for (value,) in conn.execute("select 1 union all select 2"):
        yield value
    conn.close()


def worker_threads():
    return sum(1 for t in threading.enumerate() if not t.daemon and t is not threading.main_thread())


async def main():
    gen = rows()
    print(await gen.__anext__(), "threads while open:", worker_threads())
    await gen.aclose()
    for _ in range(100):
        if not worker_threads():
            break
        await asyncio.sleep(0.02)
    print("threads after close:", worker_threads())


asyncio.run(main())
