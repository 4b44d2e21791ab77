# `import asyncio as aio` and `from asyncio import run`: both spellings are found; the
# `run` import goes when the test no longer uses it.
import asyncio as aio
from asyncio import run


async def value():
    await aio.sleep(0)
    return 7


def test_module_alias():
    assert aio.run(value()) == 7


def test_from_import():
    assert run(value()) == 7


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
