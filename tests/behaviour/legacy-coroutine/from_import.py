# `from asyncio import coroutine`: the name goes from the import once unused.
from asyncio import coroutine, run, sleep


@coroutine
def greet(name):
    yield from sleep(0)
    return "hello " + name


@coroutine
def main():
    print((yield from greet("world")))


run(main())
