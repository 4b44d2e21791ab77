# expect: unchanged
# The loop is made once in `setUpClass` and shared by every test of the class (state carries
# over between tests): the isolated test case gives each test its own loop.
import asyncio
import unittest

counter = {"n": 0}


async def bump():
    await asyncio.sleep(0)
    counter["n"] += 1
    return counter["n"]


class SharedLoopTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.loop = asyncio.new_event_loop()

    @classmethod
    def tearDownClass(cls):
        cls.loop.close()

    def test_a(self):
        print("a", self.loop.run_until_complete(bump()))

    def test_b(self):
        print("b", self.loop.run_until_complete(bump()))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
