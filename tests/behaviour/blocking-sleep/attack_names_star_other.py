# expect: unchanged
# A star import from a project module rebinds `time` after `import time`: `time.sleep` is
# the project's fake, not the blocking call.
import asyncio
import time
from star_shadow import *  # noqa: F403


async def worker():
    time.sleep(4)
    return "done"


print(asyncio.run(worker()), time.slept)
