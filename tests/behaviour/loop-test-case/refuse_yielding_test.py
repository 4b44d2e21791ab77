# expect: unchanged
# A test that yields is a generator (unittest calls it and drops the generator): as an
# `async def` it would be an async generator. Left alone.
import asyncio
import unittest
import warnings

warnings.simplefilter("ignore", DeprecationWarning)


class YieldTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_yields(self):
        print(self.loop.run_until_complete(asyncio.sleep(0, result="never")))
        yield

    def test_plain(self):
        print(self.loop.run_until_complete(asyncio.sleep(0, result="plain")))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
