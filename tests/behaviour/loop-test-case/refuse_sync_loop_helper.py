# expect: any
# The test calls a module function that runs a loop of its own (`new_event_loop()` +
# `run_until_complete`): from inside the async test's running loop, that raises
# "Cannot run the event loop while another loop is running". The output must not change.
import asyncio
import unittest


async def compute():
    await asyncio.sleep(0)
    return 5


def compute_sync():
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(compute())
    finally:
        loop.close()


class SyncHelperTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_both(self):
        print(self.loop.run_until_complete(compute()), compute_sync())


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
