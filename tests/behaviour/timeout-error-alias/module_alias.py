# `import asyncio as aio`: `aio.TimeoutError` becomes `TimeoutError`.
import asyncio as aio

ERRORS = (aio.TimeoutError, KeyError)


async def main():
    try:
        await aio.wait_for(aio.sleep(1), timeout=0.01)
    except ERRORS as exc:
        print("caught", type(exc).__name__, exc in ERRORS or True)


aio.run(main())
