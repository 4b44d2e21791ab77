# differs: code the test calls now runs while the loop is running
# The test hands the loop to a method asyncup cannot see into, which runs it
# (`loop.run_until_complete`): inside the async test the loop is already running, so it
# raises "This event loop is already running".
import asyncio
import unittest


async def bind():
    await asyncio.sleep(0)
    return "bound"


class Server:
    def start(self, loop):
        return loop.run_until_complete(bind())


class ServerTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)
        self.server = Server()

    def tearDown(self):
        self.loop.close()

    def test_server(self):
        print(self.server.start(self.loop), self.loop.run_until_complete(bind()))


if __name__ == "__main__":
    import warnings

    warnings.simplefilter("ignore", RuntimeWarning)
    from unittest_report import run_and_report

    run_and_report()
