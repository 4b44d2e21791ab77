# The legacy `with (yield from lock):` becomes `async with lock:`.
import asyncio

log = []


@asyncio.coroutine
def worker(name, lock):
    with (yield from lock):
        log.append(name + " in")
        yield from asyncio.sleep(0)
        log.append(name + " out")


@asyncio.coroutine
def main():
    lock = asyncio.Lock()
    yield from asyncio.gather(worker("a", lock), worker("b", lock))
    print(log)


asyncio.run(main())
