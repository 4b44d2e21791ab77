# Assignment, an attribute of the result (`(await x).upper()`), a list comprehension and
# several runs in one test.
import asyncio


async def word(w):
    await asyncio.sleep(0)
    return w


def test_shapes():
    x = asyncio.run(word("a"))
    y = asyncio.run(word("b")).upper()
    z = [asyncio.run(word(c)) for c in "cd"]
    assert (x, y, z) == ("a", "B", ["c", "d"])


def test_not_awaited_twice():
    coro = word("e")
    assert asyncio.run(coro) == "e"


if __name__ == "__main__":
    from pytest_runner import run_own_tests

    run_own_tests(__file__)
