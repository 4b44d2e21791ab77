# Exceptions of the driven coroutine: caught by `assertRaises` as a context manager, with
# `assertRaisesRegex`, in try/except inside the test, and one that escapes (an error).
import asyncio
import unittest


async def boom(message):
    await asyncio.sleep(0)
    raise ValueError(message)


class ExceptionTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_assert_raises(self):
        with self.assertRaises(ValueError) as cm:
            self.loop.run_until_complete(boom("one"))
        print("caught", cm.exception)

    def test_assert_raises_regex(self):
        with self.assertRaisesRegex(ValueError, "tw."):
            self.loop.run_until_complete(boom("two"))

    def test_try_except(self):
        try:
            self.loop.run_until_complete(boom("three"))
        except ValueError as exc:
            print("except", exc)
        else:
            print("no exception")

    def test_escapes(self):
        self.loop.run_until_complete(boom("four"))

    def test_timeout(self):
        async def slow():
            await asyncio.sleep(10)

        with self.assertRaises(asyncio.TimeoutError):
            self.loop.run_until_complete(asyncio.wait_for(slow(), 0.01))
        print("timed out")


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
