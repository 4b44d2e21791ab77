# expect: unchanged
# An autouse fixture seeds state through the same `event_loop` the test drives (a queue
# bound to that loop): after a rewrite the test would run in pytest-asyncio's own loop
# while the fixture kept using the project's. Refused (the fixture is reported, not
# rewritten).
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log

state = {}


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(autouse=True)
def seed(event_loop):
    async def make():
        queue = asyncio.Queue()
        await queue.put("seeded")
        return queue

    state["queue"] = event_loop.run_until_complete(make())
    yield
    log("left", state["queue"].qsize())


def test_reads(event_loop):
    log("got", event_loop.run_until_complete(state["queue"].get()))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
