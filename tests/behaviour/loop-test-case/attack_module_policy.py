# A loop policy installed at import time (as `uvloop.install()` or a Windows selector policy
# do): the isolated test case makes its loops through the policy too, so the tests still run
# on the policy's loops.
import asyncio
import unittest


class MarkingPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        loop = super().new_event_loop()
        loop.from_policy = True
        return loop


asyncio.set_event_loop_policy(MarkingPolicy())


async def marked():
    await asyncio.sleep(0)
    return getattr(asyncio.get_running_loop(), "from_policy", False)


class PolicyTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_a(self):
        print("a from policy", self.loop.run_until_complete(marked()))

    def test_b(self):
        print("b from policy", self.loop.run_until_complete(marked()))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
