# `event_loop` is passed to helpers: an async helper that schedules on it, and a
# `Queue`/`sleep` call with `loop=`-free API; `asyncio.get_running_loop()` is the same loop
# inside the async test.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def schedule(loop, value):
    future = loop.create_future()
    loop.call_soon(future.set_result, value)
    return await future


def describe(loop):
    return type(loop).__name__.endswith("EventLoop")


def test_helpers(event_loop):
    log("describe", describe(event_loop))
    log("scheduled", event_loop.run_until_complete(schedule(event_loop, 7)))
    log("same loop", event_loop.run_until_complete(schedule(loop=event_loop, value=8)))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
