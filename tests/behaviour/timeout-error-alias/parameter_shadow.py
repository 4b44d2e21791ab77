# A parameter named `TimeoutError` shadows the builtin in that function: refused there only.
import asyncio


def classify(exc, TimeoutError=KeyError):
    if isinstance(exc, asyncio.TimeoutError):
        return "asyncio timeout"
    if isinstance(exc, TimeoutError):
        return "shadowed name"
    return "other"


def plain(exc):
    return isinstance(exc, asyncio.TimeoutError)


print(classify(asyncio.TimeoutError()), classify(KeyError()), classify(ValueError()))
print(plain(TimeoutError()), plain(ValueError()))
