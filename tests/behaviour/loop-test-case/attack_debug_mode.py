# differs: debug mode
# The isolated test case runs its loop in debug mode: code that reads the loop's debug flag
# (or relies on the slow-callback warnings being off) sees a difference.
import asyncio
import unittest


async def debug_flag():
    await asyncio.sleep(0)
    return asyncio.get_running_loop().get_debug()


class DebugTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_debug(self):
        print("debug", self.loop.run_until_complete(debug_flag()))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
