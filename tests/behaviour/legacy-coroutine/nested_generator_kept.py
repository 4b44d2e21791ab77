# A nested plain generator keeps its own `yield from`; the coroutine around it is rewritten.
import asyncio


@asyncio.coroutine
def collect(n):
    def numbers():
        yield from range(n)

    yield from asyncio.sleep(0)
    return list(numbers())


print(asyncio.run(collect(4)))
