# expect: unchanged
# A project star import may rebind `asyncio`: the `loop=` call is its API, not asyncio's.
import asyncio
from star_shadow import *  # noqa: F403


class Shim:
    @staticmethod
    def sleep(delay, loop=None):
        return f"shim sleep {delay} loop={loop}"


asyncio = Shim()
print(asyncio.sleep(0, loop="mine"))
