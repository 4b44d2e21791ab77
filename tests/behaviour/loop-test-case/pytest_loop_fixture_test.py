# A project-defined `loop` fixture that only makes and closes a loop, used like
# pytest-asyncio's `event_loop`.
import asyncio

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture
def loop():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        loop.close()
        asyncio.set_event_loop(None)


async def fetch(n):
    await asyncio.sleep(0)
    return list(range(n))


def test_fetch(loop):
    items = loop.run_until_complete(fetch(3))
    log("items", items)
    assert loop.run_until_complete(fetch(0)) == []


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
