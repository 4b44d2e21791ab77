# expect: unchanged
# fixes: safe
# `time` is imported, then rebound at module level to a fake clock: `time.sleep` is the fake's
# method, not the blocking call; rewriting it to `asyncio.sleep` would change what runs.
import asyncio
import time


class FakeClock:
    def __init__(self):
        self.calls = []

    def sleep(self, seconds):
        self.calls.append(seconds)


time = FakeClock()


async def worker():
    time.sleep(5)
    return "done"


print(asyncio.run(worker()), time.calls)
