# expect: unchanged
# `import asyncio as aio`, `from asyncio import open_connection as connect, timeout`.
import asyncio as aio
from asyncio import open_connection as connect
from asyncio import timeout


async def handle(reader, writer):
    writer.write(b"line one\nline two\n")
    await writer.drain()
    writer.close()


async def main():
    server = await aio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await connect("127.0.0.1", port)
    print(await r.readline())
    async with timeout(5):
        print(await r.readline())
    w.close()
    server.close()


aio.run(main())
