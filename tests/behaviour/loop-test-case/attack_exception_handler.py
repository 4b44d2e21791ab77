# The test installs an exception handler on the loop and a callback that raises: inside the
# async test, `asyncio.get_running_loop()` is the same loop, so the handler sees the error.
import asyncio
import unittest


class HandlerTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_handler(self):
        seen = []
        self.loop.set_exception_handler(lambda loop, context: seen.append(str(context["exception"])))

        def bad():
            raise RuntimeError("callback failed")

        self.loop.call_soon(bad)
        self.loop.run_until_complete(asyncio.sleep(0.01))
        print(seen)

    def test_cancelled(self):
        async def cancelled():
            await asyncio.sleep(0)
            raise asyncio.CancelledError()

        with self.assertRaises(asyncio.CancelledError):
            self.loop.run_until_complete(cancelled())
        print("cancelled caught")


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
