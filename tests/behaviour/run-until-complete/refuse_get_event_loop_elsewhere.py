# expect: unchanged
# Another `get_event_loop()` in sync code after the run: after `asyncio.run` there is no
# current loop and it would raise.
import asyncio


async def main():
    await asyncio.sleep(0)
    return "main"


print(asyncio.get_event_loop().run_until_complete(main()))
print("closed:", asyncio.get_event_loop().is_closed())
