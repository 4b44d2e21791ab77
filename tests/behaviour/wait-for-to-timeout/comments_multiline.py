# Comments inside and around a multi-line call, and a trailing comment.
import asyncio


async def value(x, y):
    await asyncio.sleep(0)
    return x + y


async def main():
    # a comment before the statement
    result = await asyncio.wait_for(  # opening comment
        value(
            1,  # first
            2,  # second
        ),
        # the timeout follows
        timeout=1,  # seconds
    )  # trailing
    print(result)
    try:
        await asyncio.wait_for(
            asyncio.sleep(1),
            0.05,
        )
    except TimeoutError:
        print("timed out")


asyncio.run(main())
