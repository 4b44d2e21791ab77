# expect: unchanged
# The suite installs its own event loop policy and takes the loop from it: the isolated test
# case makes its loop through `asyncio.Runner`, not through this code.
import asyncio
import unittest


class CountingPolicy(asyncio.DefaultEventLoopPolicy):
    made = 0

    def new_event_loop(self):
        CountingPolicy.made += 1
        return super().new_event_loop()


class PolicyTests(unittest.TestCase):
    def setUp(self):
        asyncio.set_event_loop_policy(CountingPolicy())
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()
        asyncio.set_event_loop_policy(None)

    def test_policy(self):
        print(self.loop.run_until_complete(asyncio.sleep(0, result="ok")), CountingPolicy.made)


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
