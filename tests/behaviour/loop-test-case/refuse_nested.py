# expect: unchanged
# `run_until_complete` in a nested function and in a lambda of the test: they run as sync
# code, which cannot await (and inside the running loop, `run_until_complete` raises).
import asyncio
import unittest


async def value(x):
    await asyncio.sleep(0)
    return x


class NestedTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_nested(self):
        def run(x):
            return self.loop.run_until_complete(value(x))

        print(run(1), run(2))

    def test_lambda(self):
        get = lambda: self.loop.run_until_complete(value(3))  # noqa: E731
        print(get())

    def test_comprehension(self):
        print([self.loop.run_until_complete(value(x)) for x in range(3)])


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
