# fixes: safe
# Handler order and `as` names are kept; the tuple with a duplicate is merged in place.
import asyncio


async def slow():
    await asyncio.sleep(1)


async def main():
    for timeout in (0.01, 0.02):
        try:
            await asyncio.wait_for(slow(), timeout)
        except (ValueError, asyncio.TimeoutError, TimeoutError) as exc:
            print("first", type(exc).__name__, timeout)
        except asyncio.exceptions.TimeoutError:
            print("never")
    print(asyncio.TimeoutError.__mro__[0].__name__)


asyncio.run(main())
