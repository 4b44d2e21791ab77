# `with pytest.raises(...)` around the run, and a failing test that stays failing.
import asyncio

import pytest


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


def test_raises():
    with pytest.raises(ValueError):
        asyncio.run(boom())


def test_fails():
    asyncio.run(boom())


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
