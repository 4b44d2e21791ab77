# expect: any
# `from asyncio import *` bound `coroutine` on 3.10 and older; here a module-level `def
# coroutine` (a project's own decorator) replaces it: the function is a plain generator
# factory, and must not become `async def`.
from asyncio import *  # noqa: F403


def coroutine(func):  # noqa: F811
    return func


@coroutine
def numbers():
    yield from range(3)


print(list(numbers()))
