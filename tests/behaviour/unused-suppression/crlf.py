# CRLF line endings stay CRLF.
import asyncio


async def main():
    print("crlf")  # asyncup: ignore


asyncio.run(main())
