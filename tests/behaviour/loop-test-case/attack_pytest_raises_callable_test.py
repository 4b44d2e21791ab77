# expect: unchanged
# `event_loop.run_until_complete` passed as a callable to `pytest.raises`: nothing to await.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def boom():
    raise KeyError("k")


def test_callable(event_loop):
    pytest.raises(KeyError, event_loop.run_until_complete, boom())
    log("raised")


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
