# The loop fixture as many projects copied it from pytest-asyncio's docs: a docstring, a
# local `import asyncio`, `scope="function"`, a return annotation.
from typing import Generator

import pytest
import pytest_asyncio  # noqa: F401 (the suite runs on pytest-asyncio)
from pytest_runner import log


@pytest.fixture(scope="function")
def event_loop() -> Generator:
    """Create an instance of the default event loop for each test function."""
    import asyncio

    loop = asyncio.get_event_loop_policy().new_event_loop()
    yield loop
    loop.close()


async def greet(name):
    return f"hello {name}"


def test_greet(event_loop):
    log(event_loop.run_until_complete(greet("local")))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
