# `run_until_complete` in `try`, `finally` and after it: the order of what runs stays.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def step(name, fail=False):
    await asyncio.sleep(0)
    log("step", name)
    if fail:
        raise RuntimeError(name)
    return name


def test_order(event_loop):
    try:
        event_loop.run_until_complete(step("try", fail=True))
        log("not reached")
    except RuntimeError as error:
        log("except", error)
    finally:
        event_loop.run_until_complete(step("finally"))
    log("after", event_loop.run_until_complete(step("after")))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
