# differs: context variables
# A coroutine sets a context variable. Before, `run_until_complete` ran it in a task with a
# copy of the context, so the test did not see the value; awaited directly in the async test,
# it runs in the test's context and the value stays set.
import asyncio
import contextvars
import unittest

request_id = contextvars.ContextVar("request_id", default="unset")


async def handle():
    await asyncio.sleep(0)
    request_id.set("42")
    return request_id.get()


class ContextTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_context(self):
        inside = self.loop.run_until_complete(handle())
        print("inside", inside, "after", request_id.get())


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
