# A test calling `asyncio.run` on a coroutine that raises, checked with `pytest.raises(match=)`:
# after the rewrite to an `async def` test the same exception and message are checked.
import asyncio

import pytest


async def parse(text):
    await asyncio.sleep(0)
    return int(text)


def test_parse_error():
    with pytest.raises(ValueError, match="invalid literal"):
        asyncio.run(parse("x"))


def test_parse_ok():
    assert asyncio.run(parse("7")) == 7


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
