# expect: unchanged
# The loop is used by a helper method that is not a test (`self.run(...)`): it would be called
# from inside the async test's running loop, where `run_until_complete` raises.
import asyncio
import unittest


async def value():
    await asyncio.sleep(0)
    return 3


class HelperTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def run_coro(self, coro):
        return self.loop.run_until_complete(coro)

    def test_direct(self):
        print(self.loop.run_until_complete(value()))

    def test_helper(self):
        print(self.run_coro(value()))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
