# A trailing comment on a removed statement stays on its own line.
import asyncio


async def main():
    await asyncio.sleep(0)
    print("ran main")


loop = asyncio.get_event_loop()  # the default loop
loop.run_until_complete(main())
loop.close()  # done
print("end")
