# expect: unchanged
# The loop is stored under another name, and a parameter shadows the name in a nested def:
# refused.
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


def test_alias(event_loop):
    loop = event_loop
    log("alias", event_loop.run_until_complete(one()), loop.run_until_complete(one()))


def test_nested(event_loop):
    def inner(event_loop=event_loop):
        return event_loop.run_until_complete(one())

    log("nested", event_loop.run_until_complete(one()) + inner())


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
