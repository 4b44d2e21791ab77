# expect: unchanged
# The fixture sets the loop as current and the test asks `asyncio.get_event_loop()` from
# sync code: refused (loop management inside the async test).
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


async def one():
    return 1


def test_current(event_loop):
    log("same", asyncio.get_event_loop() is event_loop)
    log("one", event_loop.run_until_complete(one()))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
