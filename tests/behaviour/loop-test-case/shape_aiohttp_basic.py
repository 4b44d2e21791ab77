# The old aiohttp shape: setUp makes a private loop and clears the current one, tearDown
# closes it, every test drives a helper coroutine with `self.loop.run_until_complete`.
import asyncio
import unittest


async def fetch(n):
    await asyncio.sleep(0)
    return n * 2


class FetchTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_value(self):
        result = self.loop.run_until_complete(fetch(21))
        self.assertEqual(result, 42)
        print("test_value", result)

    def test_expression(self):
        self.assertEqual(self.loop.run_until_complete(fetch(1)) + 1, 3)
        print("test_expression ok")

    def test_statement(self):
        self.loop.run_until_complete(fetch(3))
        print("test_statement ok")

    def test_failing(self):
        self.assertEqual(self.loop.run_until_complete(fetch(2)), 5)

    def test_sync(self):
        print("test_sync ran")


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
