# A yield fixture that does not use the loop, taken before and after `event_loop`: setup
# and teardown order around the test body stay.
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
def resource():
    log("resource up")
    yield "r"
    log("resource down")


async def use(r):
    await asyncio.sleep(0)
    return r * 2


def test_before(resource, event_loop):
    log("before", event_loop.run_until_complete(use(resource)))


def test_after(event_loop, resource):
    log("after", event_loop.run_until_complete(use(resource)))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
