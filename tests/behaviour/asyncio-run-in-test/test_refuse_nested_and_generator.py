# expect: unchanged
# `asyncio.run` in a nested function, or in a generator expression, is refused.
import asyncio


async def one():
    return 1


def test_nested():
    def run_one():
        return asyncio.run(one())
    assert asyncio.run(one()) == run_one()


def test_generator():
    assert sum(asyncio.run(one()) for _ in range(3)) == 3


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
