# Tests that check setUp ran (and in which order setUp, test and tearDown run), and a test
# that is skipped, one expected to fail, and one decorated with `mock.patch`.
import asyncio
import unittest
from unittest import mock

order = []


async def value():
    await asyncio.sleep(0)
    return VALUE


VALUE = 1


class OrderTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)
        self.ready = True
        order.append("setUp")

    def tearDown(self):
        order.append("tearDown")
        self.loop.close()

    def test_ready(self):
        order.append("test_ready")
        self.assertTrue(self.ready)
        self.assertEqual(self.loop.run_until_complete(value()), 1)

    @unittest.skip("not today")
    def test_skipped(self):
        order.append("test_skipped")
        self.loop.run_until_complete(value())

    @unittest.expectedFailure
    def test_expected_failure(self):
        order.append("test_expected_failure")
        self.assertEqual(self.loop.run_until_complete(value()), 2)

    @mock.patch(__name__ + ".VALUE", 5)
    def test_patched(self):
        order.append("test_patched")
        self.assertEqual(self.loop.run_until_complete(value()), 5)


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
    print(order)
