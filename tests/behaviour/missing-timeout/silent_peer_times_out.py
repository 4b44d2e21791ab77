# expect: unchanged
# A peer that never answers: only the timeout ends the wait.
import asyncio


async def silent(reader, writer):
    await asyncio.sleep(3600)


async def main():
    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await asyncio.wait_for(reader.read(10), 0.05)
    except TimeoutError:
        print("read timed out")
    writer.close()
    server.close()


asyncio.run(main())
