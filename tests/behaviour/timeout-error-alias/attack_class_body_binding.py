# expect: unchanged
# A class body binds its own `TimeoutError` and then uses `asyncio.TimeoutError` in the same
# class body (class bodies are a scope of their own): `TimeoutError` there means the class's.
import asyncio


class Config:
    TimeoutError = KeyError  # noqa: A003
    try:
        raise asyncio.TimeoutError("slow")
    except asyncio.TimeoutError as exc:
        caught = type(exc).__name__
    errors = (asyncio.TimeoutError, TimeoutError)


print(Config.caught, [e.__name__ for e in Config.errors])
