# expect: unchanged
# Waits wrapped in asyncio.wait_for: not findings.
import asyncio


async def handle(reader, writer):
    writer.write(b"12345678")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 5)
    print(await asyncio.wait_for(reader.readexactly(4), 5))
    print(await asyncio.wait_for(reader.readexactly(4), 5))
    writer.close()
    server.close()
    await server.wait_closed()


asyncio.run(main())
