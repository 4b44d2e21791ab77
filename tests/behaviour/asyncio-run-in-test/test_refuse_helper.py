# expect: unchanged
# The test also calls a helper of this module that calls `asyncio.run` itself: inside an
# async test that would raise "cannot be called from a running event loop".
import asyncio


async def fetch():
    await asyncio.sleep(0)
    return 5


def fetch_sync():
    return asyncio.run(fetch())


def test_both():
    assert fetch_sync() == 5
    assert asyncio.run(fetch()) == 5


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
