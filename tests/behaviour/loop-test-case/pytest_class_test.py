# A method of a pytest class (no bases) with `self` and the `event_loop` fixture: the mark
# goes on the method, `self` stays, `event_loop` goes.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


class TestDouble:
    factor = 21

    def helper(self):
        return self.factor

    def test_double(self, event_loop):
        value = event_loop.run_until_complete(double(self.helper()))
        log("double", value)
        assert value == 42

    def test_attribute(self, event_loop):
        self.seen = event_loop.run_until_complete(double(1))
        log("seen", self.seen)


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
