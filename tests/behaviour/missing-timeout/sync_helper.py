# expect: unchanged
# Waits in sync code (a helper returning the coroutine) are not findings.
import asyncio


def connect(port):
    return asyncio.open_connection("127.0.0.1", port)


async def handle(reader, writer):
    writer.write(b"ok")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with asyncio.timeout(5):
        reader, writer = await connect(port)
        print(await reader.read())
    writer.close()
    server.close()


asyncio.run(main())
