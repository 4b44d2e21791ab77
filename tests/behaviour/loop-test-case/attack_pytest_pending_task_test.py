# differs: tasks still pending at the end of the test are cancelled
# A task outlives the test. Before, the fixture closed the loop with the task pending (it
# never ran again); pytest-asyncio's loop cancels it when the test ends.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("background cancelled")
        raise


def test_leaves_task(event_loop):
    event_loop.create_task(background())
    event_loop.run_until_complete(asyncio.sleep(0))
    log("test done")


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
