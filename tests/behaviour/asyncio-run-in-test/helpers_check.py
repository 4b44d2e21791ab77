# expect: unchanged
# Not a test file (its name is neither `test_*.py` nor `*_test.py`): nothing to do.
import asyncio


async def value():
    return 3


def test_value():
    assert asyncio.run(value()) == 3


test_value()
print("checked")
