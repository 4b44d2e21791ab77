"""Run a behaviour program's own pytest tests and print a deterministic summary."""
import contextlib
import io

import pytest


class _Collect:
    def __init__(self):
        self.outcomes = {}

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            self.outcomes[report.nodeid.split("::", 1)[1]] = report.outcome


def run_own_tests(path):
    """Run the tests in `path` with pytest; print one `name outcome` line each and the exit code."""
    collect = _Collect()
    with contextlib.redirect_stdout(io.StringIO()):
        code = pytest.main([path, "-q", "-p", "no:cacheprovider"], plugins=[collect])
    for name, outcome in sorted(collect.outcomes.items()):
        print(name, outcome)
    print("exit", int(code))
