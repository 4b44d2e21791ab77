# A pytest test calling `asyncio.run` becomes an `async def` test with
# `@pytest.mark.asyncio` (and `import pytest`); the program runs pytest on itself.
import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


def test_add():
    assert asyncio.run(add(1, 2)) == 3


def test_plain():
    assert add.__name__ == "add"


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
