# expect: unchanged
# The `loop=` value calls a function of ours: dropping it would drop that call. Refused, so the
# TypeError (caught here) stays.
import asyncio

made = []


def make_loop():
    made.append("made")
    return asyncio.get_running_loop()


async def main():
    try:
        asyncio.Lock(loop=make_loop())
    except TypeError as exc:
        print("TypeError:", "loop" in str(exc))
    print(made)


asyncio.run(main())
