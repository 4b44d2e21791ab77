# A for over a cursor whose body runs literal SELECTs on the same connection (reads cannot
# change the rows ahead) and commits; a nested for over a fresh cursor.
import asyncio
import sqlite3


async def main():
    conn = sqlite3.connect(":memory:")
    conn.executescript("""
        create table users (id integer primary key, name);
        create table orders (user_id, item);
        insert into users (name) values ('ann'), ('bob');
        insert into orders values (1, 'tea'), (1, 'cake'), (2, 'pie');
    """)
    for user_id, name in conn.execute("select id, name from users order by id"):
        count = conn.execute("SELECT count(*) from orders where user_id = ?", (user_id,)).fetchone()[0]
        items = []
        for (item,) in conn.execute("select item from orders where user_id = ? order by item", (user_id,)):
            items.append(item)
        conn.commit()
        print(name, count, items)
    conn.close()


asyncio.run(main())
