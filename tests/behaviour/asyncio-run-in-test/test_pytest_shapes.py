# Assignment, an attribute of the result (`(await x).upper()`), a list comprehension and
# several runs in one test.
import asyncio


async def word(w):
    await asyncio.sleep(0)
    return w


def test_shapes():
    x = asyncio.run(word("a"))
    y = asyncio.run(word("b")).upper()
    z = [asyncio.run(word(c)) for c in "cd"]
    assert (x, y, z) == ("a", "B", ["c", "d"])


def test_not_awaited_twice():
    coro = word("e")
    assert asyncio.run(coro) == "e"


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
