# `loop=event_loop` given to APIs that dropped `loop=` in 3.10 goes (the original cannot run
# on 3.11: `.expected` holds the rewritten program's output); given to a function of the
# program, it becomes `asyncio.get_running_loop()`.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def produce(queue, *, loop):
    assert loop is asyncio.get_running_loop()
    await queue.put("item")


def test_queue(event_loop):
    queue = asyncio.Queue(loop=event_loop)
    event_loop.run_until_complete(asyncio.sleep(0, loop=event_loop))
    event_loop.run_until_complete(produce(queue, loop=event_loop))
    log("got", event_loop.run_until_complete(asyncio.wait_for(queue.get(), 1, loop=event_loop)))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    raise SystemExit(run_own_tests(__file__))
