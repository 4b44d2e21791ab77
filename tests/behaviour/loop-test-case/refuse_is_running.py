# expect: any
# `self.loop.is_running()` and `self.loop.is_closed()` in the test answer differently inside
# the async test (the loop is running there): not equivalent, so the output must not change.
import asyncio
import unittest


class StateTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_state(self):
        print("running", self.loop.is_running(), "closed", self.loop.is_closed())
        print(self.loop.run_until_complete(asyncio.sleep(0, result="ok")))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
