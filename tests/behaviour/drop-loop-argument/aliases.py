# Resolution through imports: `import asyncio as aio`, `from asyncio import sleep as snooze`,
# and a submodule spelling.
import asyncio as aio
from asyncio import Queue, sleep as snooze
from asyncio import locks


async def main():
    loop = aio.get_running_loop()
    await snooze(0, loop=loop)
    q = Queue(loop=loop)
    q.put_nowait("item")
    lock = locks.Lock(loop=loop)
    async with lock:
        print(q.get_nowait(), lock.locked())
    print(await aio.gather(snooze(0, result=1, loop=loop), loop=loop))


aio.run(main())
