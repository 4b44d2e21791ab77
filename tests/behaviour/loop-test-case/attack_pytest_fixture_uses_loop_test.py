# expect: unchanged
# A yield fixture drives the same loop (it starts a server on it): the async test would run
# in pytest-asyncio's loop, another one, on pytest-asyncio 1.x. Refused, and the fixture
# itself is not rewritten.
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
def queue(event_loop):
    async def make():
        return asyncio.Queue()

    q = event_loop.run_until_complete(make())
    yield q
    log("left", q.qsize())


def test_queue(queue, event_loop):
    event_loop.run_until_complete(queue.put(1))
    log("got", event_loop.run_until_complete(queue.get()))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
