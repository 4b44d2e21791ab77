# Names rebound: only `from asyncio import ...` is imported and the test binds a local
# `asyncio`; the running loop must be spelled without that local (`get_running_loop` is
# imported by name).
from asyncio import new_event_loop, sleep

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = new_event_loop()
    yield loop
    loop.close()


def test_shadow(event_loop):
    asyncio = "not the module"
    start = event_loop.time()
    event_loop.run_until_complete(sleep(0.01))
    log("local", asyncio)
    log("elapsed", event_loop.time() - start >= 0.01)


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
