# differs: other tasks may interleave in another order
# A background task makes progress only while the loop runs. `run_until_complete(sleep(0))`
# runs the loop until the task wrapping `sleep(0)` is done (three iterations: the background
# task steps three times); `await asyncio.sleep(0)` yields once. Between two awaits sync code
# still sees it paused.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


progress = []


async def ticker():
    for i in range(5):
        progress.append(i)
        await asyncio.sleep(0)


def test_progress(event_loop):
    task = event_loop.create_task(ticker())
    event_loop.run_until_complete(asyncio.sleep(0))
    log("after one", list(progress))
    seen = len(progress)
    log("paused", len(progress) == seen)
    event_loop.run_until_complete(task)
    log("done", progress)


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
