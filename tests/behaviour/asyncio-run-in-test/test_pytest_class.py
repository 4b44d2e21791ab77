# A method of a plain pytest class (no bases) gets the mark too.
import asyncio


async def greet(name):
    await asyncio.sleep(0)
    return f"hi {name}"


class TestGreeting:
    def test_greet(self):
        assert asyncio.run(greet("bob")) == "hi bob"

    def test_other(self):
        assert asyncio.run(greet("")) == "hi "


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
