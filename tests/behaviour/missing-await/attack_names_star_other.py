# expect: unchanged
# A project star import after the `async def` rebinds nothing here, but may: the call is left.
import asyncio


async def ping():
    print("ping ran")


from star_shadow import *  # noqa: E402,F403


async def main():
    ping()
    print("main done")


import warnings  # noqa: E402

warnings.simplefilter("ignore", RuntimeWarning)
asyncio.run(main())
