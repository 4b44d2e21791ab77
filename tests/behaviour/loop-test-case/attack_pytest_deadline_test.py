# A deadline: `wait_for` times out inside `pytest.raises`, and the cancelled coroutine's
# cleanup runs before the test goes on.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def slow():
    try:
        await asyncio.sleep(10)
    finally:
        log("slow cleaned up")


def test_deadline(event_loop):
    with pytest.raises(asyncio.TimeoutError):
        event_loop.run_until_complete(asyncio.wait_for(slow(), 0.01))
    log("after timeout")
    result = event_loop.run_until_complete(asyncio.wait_for(asyncio.sleep(0, "fast"), 1))
    log("fast", result)


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
