"""Run a behaviour program's own pytest tests and print a deterministic summary."""
import contextlib
import io

import pytest

LOG = []


def log(*args):
    """Record a line from inside a test (pytest captures `print`); `run_own_tests` prints them."""
    LOG.append(" ".join(str(a) for a in args))


class _Collect:
    def __init__(self):
        self.outcomes = {}

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            self.outcomes[report.nodeid.split("::", 1)[1]] = report.outcome


def run_own_tests(path):
    """Run the tests in `path` with pytest; print one `name outcome` line each, the lines the
    tests `log`ged and the exit code, which it returns."""
    collect = _Collect()
    with contextlib.redirect_stdout(io.StringIO()):
        code = pytest.main([path, "-q", "-p", "no:cacheprovider"], plugins=[collect])
    for name, outcome in sorted(collect.outcomes.items()):
        print(name, outcome)
    for line in LOG:
        print("log:", line)
    print("exit", int(code))
    return int(code)
