# A pytest test calling `asyncio.run` becomes an `async def` test with
# `@pytest.mark.asyncio` (and `import pytest`); the program runs pytest on itself.
import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


def test_add():
    assert asyncio.run(add(1, 2)) == 3


def test_plain():
    assert add.__name__ == "add"


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
