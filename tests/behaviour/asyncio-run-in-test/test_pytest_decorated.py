# A parametrized test: the mark goes above the other decorators.
import asyncio

import pytest


async def square(n):
    await asyncio.sleep(0)
    return n * n


@pytest.mark.parametrize("n, expected", [(2, 4), (3, 9)])
def test_square(n, expected):
    assert asyncio.run(square(n)) == expected


if __name__ == "__main__":
    import contextlib
    import io

    import pytest as _pytest

    class Collect:
        def __init__(self):
            self.outcomes = {}

        def pytest_runtest_logreport(self, report):
            if report.when == "call" or report.outcome != "passed":
                self.outcomes[report.nodeid.split("::", 1)[1]] = report.outcome

    collect = Collect()
    with contextlib.redirect_stdout(io.StringIO()):
        code = _pytest.main([__file__, "-q", "-p", "no:cacheprovider"], plugins=[collect])
    for name, outcome in sorted(collect.outcomes.items()):
        print(name, outcome)
    print("exit", int(code))
