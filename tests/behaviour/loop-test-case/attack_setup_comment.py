# setUp and tearDown hold comments next to the loop lines: the comments stay, the methods
# still work (an emptied method keeps a `pass`).
import asyncio
import unittest


async def value():
    await asyncio.sleep(0)
    return "value"


class CommentTests(unittest.TestCase):
    def setUp(self):
        # Each test gets a private loop; the global one is cleared so that code which
        # forgets to pass `loop=` fails loudly.
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()  # no leaks

    def test_value(self):
        print(self.loop.run_until_complete(value()))


if __name__ == "__main__":
    from unittest_report import run_and_report

    run_and_report()
