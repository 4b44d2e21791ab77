# expect: any
# setUp uses the loop beyond making it (a server started with `run_until_complete`, a future
# made on it): the output must not change.
import asyncio
import unittest


async def start():
    await asyncio.sleep(0)
    return "server"


class ServerTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)
        self.server = self.loop.run_until_complete(start())
        self.waiter = self.loop.create_future()

    def tearDown(self):
        self.loop.close()

    def test_server(self):
        self.loop.call_soon(self.waiter.set_result, "woken")
        print(self.server, self.loop.run_until_complete(self.waiter))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
