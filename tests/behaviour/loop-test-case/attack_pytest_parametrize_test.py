# `parametrize` and `event_loop` in the middle of the parameters; other fixtures stay.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture
def base():
    return 10


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


@pytest.mark.parametrize(
    "x, expected",
    [(1, 11), (2, 12), (3, 99)],
)
def test_add(x, event_loop, base, expected):
    got = event_loop.run_until_complete(add(base, x))
    log("add", x, got)
    assert got == expected


@pytest.mark.parametrize("x", [1, 2])
def test_last(x, event_loop):
    log("last", event_loop.run_until_complete(add(x, x)))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
