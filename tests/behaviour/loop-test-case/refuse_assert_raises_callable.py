# expect: any
# `assertRaises(E, self.loop.run_until_complete, coro)`: the bound method is passed on, the
# output must not change.
import asyncio
import unittest


async def boom():
    await asyncio.sleep(0)
    raise KeyError("k")


class CallableTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_callable_form(self):
        self.assertRaises(KeyError, self.loop.run_until_complete, boom())
        print("raised")

    def test_plain(self):
        print(self.loop.run_until_complete(asyncio.sleep(0, result="plain")))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
