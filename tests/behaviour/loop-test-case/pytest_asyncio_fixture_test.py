# The `event_loop` fixture of pytest-asyncio before 1.0 (1.0 removed it, so the original
# cannot run here: the `.expected` output is the rewritten program's, under pytest-asyncio's
# own loop).
import asyncio

import pytest_asyncio  # noqa: F401
from pytest_runner import log


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


def test_add(event_loop):
    log("add", event_loop.run_until_complete(add(2, 3)))


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    raise SystemExit(run_own_tests(__file__))
