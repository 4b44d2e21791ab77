# expect: unchanged
# Building an argument raises: with gather nothing was scheduled and the plain ValueError
# reached the handler. A TaskGroup would have started `first()` and wrapped the error in an
# ExceptionGroup; the specific handler makes this a refusal.
import asyncio


def boom():
    raise ValueError("cannot build")


async def first():
    print("first ran")


async def second(x):
    print("second ran", x)


async def main():
    try:
        await asyncio.gather(first(), second(boom()))
    except ValueError as exc:
        print("caught", exc)
    await asyncio.sleep(0.01)
    print("end")


asyncio.run(main())
