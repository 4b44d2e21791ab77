# expect: any
# A background task makes progress only while the loop runs: between two
# `run_until_complete` calls, sync code sees it paused; awaited, the same.
import asyncio

import pytest
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
