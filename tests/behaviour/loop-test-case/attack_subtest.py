# `subTest` around `run_until_complete`, in a `for` loop of the test: every sub-test runs and
# a failing one is reported with its parameters.
import asyncio
import unittest


async def square(x):
    await asyncio.sleep(0)
    return x * x


class SubTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_squares(self):
        for x, expected in [(1, 1), (2, 4), (3, 10)]:
            with self.subTest(x=x):
                self.assertEqual(self.loop.run_until_complete(square(x)), expected)
                print("checked", x)


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
