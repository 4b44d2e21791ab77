# `from unittest import TestCase`: the base is spelled `IsolatedAsyncioTestCase`, added to
# that import, and `TestCase` goes when nothing else uses it.
import asyncio
from unittest import TestCase, TextTestRunner, main


async def fail_with(msg):
    await asyncio.sleep(0)
    raise KeyError(msg)


class ErrorsTest(TestCase):
    def test_error_propagates(self):
        with self.assertRaises(KeyError):
            asyncio.run(fail_with("k"))
        print("raised as expected")

    def test_wrong_expectation(self):
        self.assertEqual(asyncio.run(fail_with("x")), None)


if __name__ == "__main__":
    import io
    result = main(exit=False, argv=["prog"], testRunner=TextTestRunner(stream=io.StringIO())).result
    print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
