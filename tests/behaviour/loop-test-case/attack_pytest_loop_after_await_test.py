# The loop is used after an awaited call: `time()`, `call_later`, `create_task`,
# `run_in_executor`; they become `asyncio.get_running_loop()`, the test's loop.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def settle():
    await asyncio.sleep(0.01)
    return "settled"


def test_uses(event_loop):
    log("first", event_loop.run_until_complete(settle()))
    start = event_loop.time()
    fired = []
    event_loop.call_later(0.01, fired.append, "later")
    task = event_loop.create_task(settle())
    log("task", event_loop.run_until_complete(task))
    event_loop.run_until_complete(asyncio.sleep(0.05))
    log("fired", fired)
    log("elapsed ok", event_loop.time() - start >= 0.01)
    squared = event_loop.run_until_complete(event_loop.run_in_executor(None, pow, 3, 2))
    log("executor", squared)


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
