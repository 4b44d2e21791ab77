# A `unittest.TestCase` method: the class becomes `unittest.IsolatedAsyncioTestCase` (a
# plain `async def` in a TestCase would never be awaited).
import asyncio
import unittest


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


class DoubleTest(unittest.TestCase):
    def test_double(self):
        self.assertEqual(asyncio.run(double(4)), 8)
        print("test_double ran")

    def test_sync(self):
        print("test_sync ran")


if __name__ == "__main__":
    import io
    result = unittest.main(exit=False, argv=["prog"], testRunner=unittest.TextTestRunner(stream=io.StringIO())).result
    print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
