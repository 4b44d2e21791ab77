# expect: unchanged
# readuntil and read after the timeout block: findings, the program still runs.
import asyncio


async def handle(reader, writer):
    writer.write(b"header;body")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with asyncio.timeout(5):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(await reader.readuntil(b";"))
    print(await reader.read())
    writer.close()
    server.close()
    await server.wait_closed()


asyncio.run(main())
