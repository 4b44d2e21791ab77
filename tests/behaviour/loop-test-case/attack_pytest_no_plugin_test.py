# expect: unchanged
# The project defines its own `event_loop` fixture and nothing shows pytest-asyncio: without
# the plugin an async test does not run (pytest fails it), so the test is left alone.
import asyncio

import pytest
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def fetch():
    return 1


def test_fetch(event_loop):
    log("fetched", event_loop.run_until_complete(fetch()))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
