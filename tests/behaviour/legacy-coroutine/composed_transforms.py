# transforms: all
# Several patterns at once: a `wait_for` around a `gather` inside an `@asyncio.coroutine`, with
# `loop=` arguments, a blocking `time.sleep`, `asyncio.TimeoutError` and a `run_in_executor`.
# Every transform together must reach a fixpoint that runs and prints the `.expected` output
# (the original cannot run on 3.11). `transforms_compose` in tests/behaviour.rs checks it too.
import asyncio
import time


def blocking_double(x):
    return x * 2


@asyncio.coroutine
def work(n, loop):
    yield from asyncio.sleep(0.01 * n, loop=loop)
    return n * 10


@asyncio.coroutine
def main():
    loop = asyncio.get_running_loop()
    time.sleep(0.001)
    results = yield from asyncio.wait_for(asyncio.gather(work(1, loop), work(2, loop), loop=loop), timeout=5, loop=loop)
    print("results", results)
    doubled = yield from loop.run_in_executor(None, blocking_double, results[0])
    print("doubled", doubled)
    try:
        yield from asyncio.wait_for(asyncio.sleep(1, loop=loop), 0.01, loop=loop)
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
