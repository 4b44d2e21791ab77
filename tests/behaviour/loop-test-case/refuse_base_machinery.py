# expect: unchanged
# A project base class owns the loop machinery (setUp makes the loop, a helper runs it); the
# subclasses' tests only call `self.loop.run_until_complete`. Neither is rewritten: the base
# is not `unittest.TestCase` for the subclass, and the base is subclassed.
import asyncio
import unittest


class LoopTestCase(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_base(self):
        print("base", self.loop.run_until_complete(asyncio.sleep(0, result=1)))


class Derived(LoopTestCase):
    def test_derived(self):
        print("derived", self.loop.run_until_complete(asyncio.sleep(0, result=2)))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
