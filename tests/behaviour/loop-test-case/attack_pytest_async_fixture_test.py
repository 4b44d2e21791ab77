# expect: unchanged
# An async fixture makes a future in the loop the plugin runs it in; the sync test drives
# its own loop. Before, awaiting that future from the test's loop fails; in an async test
# they would share a loop and it would pass (or, under old pytest-asyncio, be the same
# loop all along). Refused.
import asyncio

import pytest
import pytest_asyncio
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest_asyncio.fixture
async def ready():
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, future.set_result, "ready")
    return future


async def wait(future):
    return await future


def test_ready(ready, event_loop):
    try:
        log("got", event_loop.run_until_complete(wait(ready)))
    except RuntimeError as error:
        log("other loop", "attached to a different loop" in str(error))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
