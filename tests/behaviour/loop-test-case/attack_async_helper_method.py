# An `async def` helper method of the class uses the loop (`self.loop.create_future()`,
# `loop=self.loop`): it only runs inside the test's coroutines, where the running loop is the
# test's loop.
import asyncio
import unittest


class WaiterTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    async def wait_for_value(self, value):
        fut = self.loop.create_future()
        self.loop.call_soon(fut.set_result, value)
        return await asyncio.wait_for(fut, 1)

    def test_wait(self):
        print(self.loop.run_until_complete(self.wait_for_value("v")))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
