# `raise asyncio.TimeoutError(...)`, `isinstance`, and the exceptions submodule spelling.
import asyncio


def check(exc):
    return isinstance(exc, asyncio.exceptions.TimeoutError)


try:
    raise asyncio.TimeoutError("deadline")
except TimeoutError as exc:
    print("builtin handler caught", exc, check(exc))
print(asyncio.TimeoutError.__name__, asyncio.TimeoutError is TimeoutError)
