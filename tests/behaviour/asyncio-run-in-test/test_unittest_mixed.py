# One method is rewritten, so the class becomes an IsolatedAsyncioTestCase; another method is
# refused (its helper calls `asyncio.run` itself) and stays sync: IsolatedAsyncioTestCase runs
# sync test methods outside its loop, so that helper still works.
import asyncio
import unittest


async def triple(x):
    await asyncio.sleep(0)
    return 3 * x


class MixedTest(unittest.TestCase):
    def triple_sync(self, x):
        return asyncio.run(triple(x))

    def test_converted(self):
        self.assertEqual(asyncio.run(triple(2)), 6)
        print("converted ran")

    def test_refused(self):
        self.assertEqual(self.triple_sync(3), 9)
        self.assertEqual(asyncio.run(triple(1)), 3)
        print("refused ran")


if __name__ == "__main__":
    import io
    result = unittest.main(exit=False, argv=["prog"], testRunner=unittest.TextTestRunner(stream=io.StringIO())).result
    print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
