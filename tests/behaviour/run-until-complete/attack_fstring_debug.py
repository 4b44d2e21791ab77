# expect: unchanged
import asyncio


async def main():
    return "value"


loop = asyncio.new_event_loop()
print(f"{loop.run_until_complete(main())=}")
loop.close()
