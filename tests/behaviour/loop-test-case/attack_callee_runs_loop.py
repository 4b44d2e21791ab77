# expect: any
# The test passes the loop to a class of this module whose constructor runs it
# (`loop.run_until_complete(...)` in `__init__`): inside the async test the loop is already
# running and that raises. The output must not change.
import asyncio
import unittest


async def bind():
    await asyncio.sleep(0)
    return "bound"


class Server:
    def __init__(self, loop):
        self.state = loop.run_until_complete(bind())


class ServerTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_server(self):
        server = Server(self.loop)
        print(server.state, self.loop.run_until_complete(bind()))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
