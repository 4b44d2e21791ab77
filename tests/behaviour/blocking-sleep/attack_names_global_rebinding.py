# expect: unchanged
# fixes: safe
# A function rebinds the module's `time` through `global`: by the time `worker` runs,
# `time.sleep` is the recorder, not the blocking call.
import asyncio
import time

calls = []


def install_fake():
    global time

    class Fake:
        @staticmethod
        def sleep(seconds):
            calls.append(seconds)

    time = Fake


async def worker():
    time.sleep(3)
    return "ok"


install_fake()
print(asyncio.run(worker()), calls)
