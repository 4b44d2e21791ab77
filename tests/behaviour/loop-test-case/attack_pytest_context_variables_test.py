# differs: context variables they set stay set
# `run_until_complete` runs the coroutine in a task with a copy of the context; awaited
# directly, what it sets stays set in the test.
import asyncio
import contextvars

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log

user = contextvars.ContextVar("user", default="nobody")


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def login(name):
    user.set(name)
    await asyncio.sleep(0)


def test_context(event_loop):
    event_loop.run_until_complete(login("alice"))
    log("user", user.get())


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
