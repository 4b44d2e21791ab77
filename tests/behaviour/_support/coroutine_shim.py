"""`asyncio.coroutine` as Python 3.10 defined it (non-debug mode), for programs that must run
their original on 3.11+, where the decorator no longer exists. Importing this module installs
it on `asyncio` when it is missing."""
import asyncio
import collections.abc
import functools
import inspect
import types


def coroutine(func):
    if inspect.iscoroutinefunction(func):
        return func
    if inspect.isgeneratorfunction(func):
        coro = func
    else:
        @functools.wraps(func)
        def coro(*args, **kw):
            res = func(*args, **kw)
            if asyncio.isfuture(res) or inspect.isgenerator(res):
                res = yield from res
            else:
                try:
                    await_meth = res.__await__
                except AttributeError:
                    pass
                else:
                    if isinstance(res, collections.abc.Awaitable):
                        res = yield from await_meth()
            return res
    return types.coroutine(coro)


if not hasattr(asyncio, "coroutine"):
    asyncio.coroutine = coroutine
