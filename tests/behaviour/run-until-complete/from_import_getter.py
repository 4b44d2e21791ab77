# `from asyncio import get_event_loop` and `import asyncio as aio`: the rewrite spells
# `aio.run` and the getter import goes when nothing else uses it.
import asyncio as aio
from asyncio import get_event_loop


async def main():
    await aio.sleep(0)
    return "ok"


print(get_event_loop().run_until_complete(main()))
