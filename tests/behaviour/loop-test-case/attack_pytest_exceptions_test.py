# Exceptions: one raised by the awaited coroutine inside `pytest.raises`, one caught by the
# test, one that fails the test, and the message they carry.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def boom(message):
    await asyncio.sleep(0)
    raise ValueError(message)


def test_raises(event_loop):
    with pytest.raises(ValueError, match="bad") as info:
        event_loop.run_until_complete(boom("bad"))
    log("raised", info.value)


def test_caught(event_loop):
    try:
        event_loop.run_until_complete(boom("caught"))
    except ValueError as error:
        log("caught", error, type(error.__context__).__name__)


def test_fails(event_loop):
    event_loop.run_until_complete(boom("fails"))


def test_cancelled(event_loop):
    async def cancelled():
        raise asyncio.CancelledError()

    with pytest.raises(asyncio.CancelledError):
        event_loop.run_until_complete(cancelled())
    log("cancelled raised")


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
