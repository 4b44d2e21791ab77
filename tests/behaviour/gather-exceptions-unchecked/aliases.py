# expect: unchanged
# `import asyncio as aio`, `from asyncio import gather as g`.
import asyncio as aio
from asyncio import gather as g


async def boom():
    raise ZeroDivisionError("x")


async def main():
    first = await aio.gather(boom(), return_exceptions=True)
    second = await g(boom(), aio.sleep(0, 5), return_exceptions=True)
    print([type(r).__name__ for r in first + second])


aio.run(main())
