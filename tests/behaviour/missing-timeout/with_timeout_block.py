# expect: unchanged
# The same exchange inside `async with asyncio.timeout(...)`: not a finding.
import asyncio


async def handle(reader, writer):
    data = await reader.read(100)
    writer.write(data[::-1])
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with asyncio.timeout(5):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"stressed")
        await writer.drain()
        print(await reader.read(100))
    writer.close()
    server.close()
    await server.wait_closed()


asyncio.run(main())
