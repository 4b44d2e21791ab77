# A method of a plain pytest class (no bases) gets the mark too.
import asyncio


async def greet(name):
    await asyncio.sleep(0)
    return f"hi {name}"


class TestGreeting:
    def test_greet(self):
        assert asyncio.run(greet("bob")) == "hi bob"

    def test_other(self):
        assert asyncio.run(greet("")) == "hi "


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
