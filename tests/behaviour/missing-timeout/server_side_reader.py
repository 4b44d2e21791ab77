# expect: unchanged
# A reader received by a start_server callback is not tracked: not a finding.
import asyncio

received = []


async def handle(reader, writer):
    received.append(await reader.read(100))
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with asyncio.timeout(5):
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"to the server")
        await writer.drain()
        writer.close()
        await writer.wait_closed()
        while not received:
            await asyncio.sleep(0.001)
    print(received)
    server.close()


asyncio.run(main())
