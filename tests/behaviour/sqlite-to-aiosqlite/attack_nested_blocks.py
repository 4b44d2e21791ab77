# The connection made inside a loop body, an if and a try; uses in nested blocks of the wrapped
# statements; a return inside the block; statements after the close; comments and a
# multi-line string kept as they are.
import asyncio
import sqlite3


async def per_item(items):
    out = []
    for item in items:
        conn = sqlite3.connect(":memory:")
        # make the table
        conn.execute("create table t (x)")
        if item > 1:
            conn.execute("insert into t values (?)", (item,))
        else:
            try:
                conn.execute("insert into t values (?)", ("one",))
            finally:
                print("inserted", item)
        out.append(conn.execute("select x from t").fetchall())
        conn.close()
        print("closed", item)
    return out


async def early(flag):
    if flag:
        conn = sqlite3.connect(":memory:")
        sql = """select
    'multi',
'line'"""
        if conn.total_changes == 0:
            return conn.execute(sql).fetchone()
        conn.close()
    return None


async def main():
    print(await per_item([1, 2]))
    print(await early(True), await early(False))


asyncio.run(main())
