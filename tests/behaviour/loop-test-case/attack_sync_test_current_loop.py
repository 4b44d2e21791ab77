# setUp sets the new loop as the current one; a sync test that does not touch `self.loop`
# relies on it (`asyncio.get_event_loop()`, a future made without a loop) and still works
# under the isolated test case, which sets its loop as current around sync tests too.
import asyncio
import unittest
import warnings

warnings.simplefilter("ignore", DeprecationWarning)


class CurrentLoopTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)

    def tearDown(self):
        self.loop.close()
        asyncio.set_event_loop(None)

    def test_sync_uses_current(self):
        loop = asyncio.get_event_loop()
        fut = asyncio.Future()
        loop.call_soon(fut.set_result, "current")
        print(loop.run_until_complete(fut), loop.is_closed())

    def test_async(self):
        print(self.loop.run_until_complete(asyncio.sleep(0, result="async")))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
