# expect: unchanged
# A plain (undecorated) generator delegates to the coroutine with `yield from`: that works on a
# generator-based coroutine, but `yield from` cannot take a native coroutine in a plain
# generator (TypeError). Refused while such a caller exists in the module.
import asyncio

import coroutine_shim  # noqa: F401  (asyncio.coroutine on 3.11+)


@asyncio.coroutine
def answer():
    return 42


def driver():
    value = yield from answer()
    return value


gen = driver()
try:
    next(gen)
except StopIteration as stop:
    print("driven by hand:", stop.value)
