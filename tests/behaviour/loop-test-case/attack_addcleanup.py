# setUp registers the close with `addCleanup(self.loop.close)` instead of a tearDown.
import asyncio
import unittest


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


class CleanupTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        self.addCleanup(self.loop.close)
        asyncio.set_event_loop(None)
        self.cleaned = []
        self.addCleanup(print, "cleanup ran")

    def test_add(self):
        print(self.loop.run_until_complete(add(1, 2)))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
