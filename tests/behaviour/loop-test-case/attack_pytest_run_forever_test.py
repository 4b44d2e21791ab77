# expect: unchanged
# `run_forever` / `stop` have no equivalent in an async test. Refused.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def one():
    return 1


def test_forever(event_loop):
    log("one", event_loop.run_until_complete(one()))
    event_loop.call_later(0.01, event_loop.stop)
    event_loop.run_forever()
    log("stopped")


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
