# The commonest old aiohttp shape: the test defines `async def go()` that uses the loop
# (`loop=self.loop`, `self.loop.create_future()`), then runs it with `run_until_complete`.
# Inside a coroutine of the test the running loop is the test's loop.
import asyncio
import unittest


class Connector:
    def __init__(self, *, loop=None):
        self.loop = loop

    async def connect(self):
        assert self.loop is asyncio.get_running_loop()
        return "connected"


class ConnectorTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_connect(self):
        async def go():
            conn = Connector(loop=self.loop)
            fut = self.loop.create_future()
            self.loop.call_soon(fut.set_result, await conn.connect())
            return await fut

        print(self.loop.run_until_complete(go()))

    def test_task_in_coroutine(self):
        async def go():
            task = self.loop.create_task(asyncio.sleep(0, result="slept"))
            return await task

        self.assertEqual(self.loop.run_until_complete(go()), "slept")
        print("task ok")


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
