# expect: unchanged
# `asyncio.run` in a nested function, or in a generator expression, is refused.
import asyncio


async def one():
    return 1


def test_nested():
    def run_one():
        return asyncio.run(one())
    assert asyncio.run(one()) == run_one()


def test_generator():
    assert sum(asyncio.run(one()) for _ in range(3)) == 3


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
