# A parametrized test: the mark goes above the other decorators.
import asyncio

import pytest


async def square(n):
    await asyncio.sleep(0)
    return n * n


@pytest.mark.parametrize("n, expected", [(2, 4), (3, 9)])
def test_square(n, expected):
    assert asyncio.run(square(n)) == expected


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
