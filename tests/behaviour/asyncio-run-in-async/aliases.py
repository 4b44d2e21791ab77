# `from asyncio import run` and `import asyncio as aio`; `run` stays used at module level.
import asyncio as aio
from asyncio import run


async def hello(name):
    return f"hello {name}"


class Greeter:
    async def greet(self):
        first = run(hello("run"))
        second = aio.run(hello("aio.run"))
        return first, second


async def main():
    print(await Greeter().greet())


run(main())
