"""Run the unittest cases of the calling module and print what happened, in a stable form:
the number of tests run, then one line per failure, error, skip and unexpected success (the
test id and the last line of the traceback)."""

import io
import sys
import unittest


def run_and_report(module_name="__main__"):
    module = sys.modules[module_name]
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
    print("ran", result.testsRun)
    for kind, items in (("failure", result.failures), ("error", result.errors)):
        for test, trace in items:
            print(kind, test.id(), "|", trace.strip().splitlines()[-1])
    for test, reason in result.skipped:
        print("skipped", test.id(), "|", reason)
    for test in result.unexpectedSuccesses:
        print("unexpected success", test.id())
    return result
