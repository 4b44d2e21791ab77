# expect: unchanged
# The gathered future is used besides the one `await` (a callback, a read after, `locals()`,
# a closure): it must keep existing. Refused.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    fut = asyncio.gather(value(1), value(2))
    await fut
    print(fut.done(), fut.result())
    again = asyncio.gather(value(3))
    await again
    print(sorted(name for name in locals() if name != "__builtins__"))
    inner = asyncio.gather(value(4))
    await inner

    def peek():
        return inner.result()

    print(peek())


asyncio.run(main())
