# A pytest test that takes the project's `event_loop` fixture and drives it with
# `run_until_complete` becomes a `@pytest.mark.asyncio` `async def` test that awaits; the
# fixture parameter goes. A test that does not use the loop stays as it is.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


def test_add(event_loop):
    result = event_loop.run_until_complete(add(1, 2))
    log("add", result)
    assert result == 3


def test_twice(event_loop):
    first = event_loop.run_until_complete(add(1, 1))
    second = event_loop.run_until_complete(add(first, 1))
    log("twice", first, second)
    assert (first, second) == (2, 3)


def test_plain():
    log("plain")


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
