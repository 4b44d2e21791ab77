# `loop=self.loop` passed to the test's own code and to asyncio APIs that still take a loop
# (`asyncio.ensure_future`, `asyncio.Future`): inside the async test the running loop is the
# same loop, so `asyncio.get_running_loop()` takes its place.
import asyncio
import unittest


class Client:
    def __init__(self, *, loop):
        self.loop = loop

    async def ping(self):
        assert self.loop is asyncio.get_running_loop()
        return "pong"


class ClientTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_ping(self):
        client = Client(loop=self.loop)
        print(self.loop.run_until_complete(client.ping()))

    def test_ensure_future(self):
        fut = asyncio.ensure_future(Client(loop=self.loop).ping(), loop=self.loop)
        print("ensure_future", self.loop.run_until_complete(fut))

    def test_future(self):
        fut = asyncio.Future(loop=self.loop)
        self.loop.call_soon(fut.set_result, "set")
        print("future", self.loop.run_until_complete(fut))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
