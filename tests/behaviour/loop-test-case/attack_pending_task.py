# differs: tasks still pending at the end of a test are cancelled
# A test starts a task that outlives it. Before, the loop was closed with the task pending
# (it never ran again); the isolated test case cancels it when the test ends, so its
# `except CancelledError` runs.
import asyncio
import unittest

log = []


async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("background cancelled")
        raise


class PendingTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_leaves_task(self):
        self.task = self.loop.create_task(background())
        self.loop.run_until_complete(asyncio.sleep(0))
        print("test done")


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
    print(log)
