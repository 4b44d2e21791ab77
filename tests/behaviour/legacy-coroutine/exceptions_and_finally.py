# Exceptions raised through `yield from` and `try/finally` keep their flow after the rewrite.
import asyncio


@asyncio.coroutine
def fail():
    yield from asyncio.sleep(0)
    raise KeyError("missing")


@asyncio.coroutine
def main():
    try:
        yield from fail()
    except KeyError as exc:
        print("caught", exc)
    finally:
        print("finally ran")
    try:
        yield from asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
