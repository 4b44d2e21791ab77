# expect: unchanged
# A test runs the loop with `run_forever` (stopped by a callback): an async test cannot run
# its own running loop, so the class is left alone.
import asyncio
import unittest


class ForeverTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_forever(self):
        self.loop.call_later(0.01, self.loop.stop)
        self.loop.run_forever()
        print("stopped")

    def test_complete(self):
        print(self.loop.run_until_complete(asyncio.sleep(0, result="slept")))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
