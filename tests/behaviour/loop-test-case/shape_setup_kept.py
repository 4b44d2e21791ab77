# setUp and tearDown do more than the loop: what else they do stays, and the tests see it.
# `super().setUp()` stays where it was.
import asyncio
import unittest

events = []


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


class Base(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.items = [1, 2]
        events.append("setUp")

    def tearDown(self):
        events.append("tearDown")
        self.loop.close()
        asyncio.set_event_loop(None)
        super().tearDown()

    def test_items(self):
        events.append("test_items")
        total = self.loop.run_until_complete(add(*self.items))
        self.assertEqual(total, 3)

    def test_more(self):
        events.append("test_more")
        self.items.append(3)
        self.assertEqual(self.loop.run_until_complete(add(self.items[0], self.items[2])), 4)


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
    print(events)
