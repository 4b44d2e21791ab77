# `asyncio.get_event_loop().run_until_complete(x)` as an expression.
import asyncio


async def greet(name):
    await asyncio.sleep(0)
    return f"hello {name}"


print(asyncio.get_event_loop().run_until_complete(greet("world")))
