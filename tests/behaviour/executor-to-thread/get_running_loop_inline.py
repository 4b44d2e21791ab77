# `asyncio.get_running_loop().run_in_executor(...)`: the loop call can be dropped.
import asyncio as aio


def square(x):
    return x * x


async def main():
    results = []
    for i in range(4):
        results.append(await aio.get_running_loop().run_in_executor(None, square, i))
    print(results)


aio.run(main())
