# `yield from` takes any expression, `await` a primary: parentheses where precedence differs.
import asyncio


class Adder:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        return asyncio.sleep(0, result=self.value + other.value)


@asyncio.coroutine
def pick(flag):
    chosen = yield from asyncio.sleep(0, result="a") if flag else asyncio.sleep(0, result="b")
    summed = yield from Adder(2) + Adder(3)
    inner = (yield from asyncio.sleep(0, result=4)) * 10
    already = yield from (Adder(1) + Adder(1))
    return chosen, summed, inner, already


print(asyncio.run(pick(False)))
