# expect: unchanged
# `import asyncio as aio` and `from asyncio import run`.
import asyncio as aio
from asyncio import run


async def hello(name):
    return f"hello {name}"


print(aio.run(hello("alias")))
print(run(hello("from-import")))
