# differs: each test now gets a loop of its own
# setUp takes the current loop with `asyncio.get_event_loop()` and never closes it: every
# test of the class (and of the process) ran on that one loop. The isolated test case gives
# each test its own loop.
import asyncio
import unittest
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
seen = []


async def which_loop():
    await asyncio.sleep(0)
    seen.append(asyncio.get_running_loop())  # kept alive: ids are not reused
    return len(seen)


class SharedTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.get_event_loop()

    def test_a(self):
        self.loop.run_until_complete(which_loop())

    def test_b(self):
        self.loop.run_until_complete(which_loop())


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
    print("same loop", len(set(map(id, seen))) == 1)
