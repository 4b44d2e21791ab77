# Other uses of the loop in the test: `self.loop.time()`, `self.loop.call_later`,
# `self.loop.call_soon`, `self.loop.create_future()`, `self.loop.create_task()`: inside the
# async test they use the running loop, which is the test's.
import asyncio
import unittest


class TimingTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_call_later(self):
        fired = []
        start = self.loop.time()
        self.loop.call_later(0.01, fired.append, "later")
        self.loop.call_soon(fired.append, "soon")
        self.loop.run_until_complete(asyncio.sleep(0.05))
        print(fired, self.loop.time() - start >= 0.01)

    def test_future(self):
        fut = self.loop.create_future()
        self.loop.call_soon(fut.set_result, 7)
        print("future", self.loop.run_until_complete(fut))

    def test_task(self):
        async def work():
            await asyncio.sleep(0)
            return "done"

        task = self.loop.create_task(work())
        print("task", self.loop.run_until_complete(task))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
