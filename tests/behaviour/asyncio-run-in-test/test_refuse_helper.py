# expect: unchanged
# The test also calls a helper of this module that calls `asyncio.run` itself: inside an
# async test that would raise "cannot be called from a running event loop".
import asyncio


async def fetch():
    await asyncio.sleep(0)
    return 5


def fetch_sync():
    return asyncio.run(fetch())


def test_both():
    assert fetch_sync() == 5
    assert asyncio.run(fetch()) == 5


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
