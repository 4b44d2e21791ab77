# expect: unchanged
# `event_loop` goes to a sync helper that runs it: inside an async test that raises
# "This event loop is already running". Refused.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def value():
    return 5


def run(loop, coro):
    return loop.run_until_complete(coro)


def test_helper(event_loop):
    log("helper", run(event_loop, value()))
    log("direct", event_loop.run_until_complete(value()))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
