# `loop=self.loop` passed to asyncio APIs that dropped the argument in 3.10 (`sleep`,
# `Queue`, `Lock`, `wait_for`, `gather`): the argument goes (the running loop is the loop
# they use). The original fails on 3.11 (a TypeError), so the `.expected` output is what the
# rewritten program prints.
import asyncio
import unittest


async def produce(queue):
    await queue.put(1)
    return "put"


class QueueTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_queue(self):
        queue = asyncio.Queue(loop=self.loop)
        lock = asyncio.Lock(loop=self.loop)
        print(self.loop.run_until_complete(produce(queue)), queue.qsize(), lock.locked())

    def test_sleep_gather(self):
        self.loop.run_until_complete(asyncio.sleep(0, loop=self.loop))
        results = self.loop.run_until_complete(
            asyncio.gather(asyncio.sleep(0, result=1), asyncio.sleep(0, result=2), loop=self.loop)
        )
        print(results)

    def test_wait_for(self):
        print(self.loop.run_until_complete(asyncio.wait_for(asyncio.sleep(0, result="w"), 1, loop=self.loop)))


if __name__ == "__main__":
    from unittest_report import run_and_report

    result = run_and_report()
    # The original cannot run on 3.10+: fail so that only the rewritten program counts.
    raise SystemExit(1 if result.errors else 0)
