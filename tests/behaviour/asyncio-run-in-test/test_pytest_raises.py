# `with pytest.raises(...)` around the run, and a failing test that stays failing.
import asyncio

import pytest


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


def test_raises():
    with pytest.raises(ValueError):
        asyncio.run(boom())


def test_fails():
    asyncio.run(boom())


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
