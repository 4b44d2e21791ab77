# expect: unchanged
# `run_until_complete` inside a lambda and a nested def: `await` cannot go there. Refused.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def square(x):
    return x * x


def test_lambda(event_loop):
    run = lambda c: event_loop.run_until_complete(c)  # noqa: E731
    log("lambda", [run(square(i)) for i in range(3)])
    log("direct", event_loop.run_until_complete(square(4)))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
