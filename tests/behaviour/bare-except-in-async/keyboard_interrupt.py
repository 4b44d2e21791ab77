# expect: unchanged
# A bare except also swallows KeyboardInterrupt raised inside the coroutine.
import asyncio


async def main():
    try:
        raise KeyboardInterrupt
    except:
        print("interrupt swallowed")
    try:
        raise SystemExit(3)
    except BaseException as exc:
        print("exit swallowed", exc.code)


asyncio.run(main())
