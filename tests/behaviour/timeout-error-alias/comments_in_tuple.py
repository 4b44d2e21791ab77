# A tuple with comments is not rebuilt: the alias is renamed, the duplicate stays (harmless).
import asyncio


def run(exc):
    try:
        raise exc
    except (
        asyncio.TimeoutError,  # from asyncio
        TimeoutError,  # the builtin
    ) as caught:
        return type(caught).__name__


print(run(TimeoutError()), run(asyncio.TimeoutError()))
