# expect: any
# A class that would be rewritten is the base of another class of the file whose tests also
# run the loop: rewriting the base alone would leave the subclass's sync tests calling
# `self.loop`, which no longer exists. The output must not change.
import asyncio
import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_base(self):
        print("base", self.loop.run_until_complete(asyncio.sleep(0, result=1)))


class Child(Base):
    def test_child(self):
        print("child", self.loop.run_until_complete(asyncio.sleep(0, result=2)))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
