# The websockets shape: setUp calls `super().setUp()` and sets the new loop as current;
# tearDown shuts async generators down, closes and deletes the loop, then calls
# `super().tearDown()`. The isolated test case does all of that itself.
import asyncio
import unittest

finalized = []


async def numbers():
    try:
        yield 1
        yield 2
    finally:
        finalized.append("numbers")


async def first():
    async for n in numbers():
        return n


class ProtocolTests(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)

    def tearDown(self):
        self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        self.loop.close()
        del self.loop
        super().tearDown()

    def test_first(self):
        print("first", self.loop.run_until_complete(first()))

    def test_sync(self):
        print("sync test")


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
    print(sorted(finalized))
