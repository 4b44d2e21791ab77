# `import asyncio as aio` and `from asyncio import run`: both spellings are found; the
# `run` import goes when the test no longer uses it.
import asyncio as aio
from asyncio import run


async def value():
    await aio.sleep(0)
    return 7


def test_module_alias():
    assert aio.run(value()) == 7


def test_from_import():
    assert run(value()) == 7


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
