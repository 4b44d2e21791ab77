# expect: unchanged
# The project's `event_loop` fixture makes a loop of its own kind (a subclass that counts
# callbacks) under a custom policy: the async test would run in pytest-asyncio's loop
# instead. Refused.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


class CountingLoop(asyncio.SelectorEventLoop):
    def call_soon(self, *args, **kwargs):
        self.calls = getattr(self, "calls", 0) + 1
        return super().call_soon(*args, **kwargs)


class Policy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return CountingLoop()


@pytest.fixture
def event_loop():
    asyncio.set_event_loop_policy(Policy())
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()
    asyncio.set_event_loop_policy(None)


def test_kind(event_loop):
    event_loop.run_until_complete(asyncio.sleep(0))
    log("counting", isinstance(asyncio.get_event_loop_policy(), Policy))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
