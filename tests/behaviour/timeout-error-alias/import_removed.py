# The only use of `asyncio` goes: `import asyncio` is removed, the program still works.
import asyncio
import socket


def classify(exc):
    try:
        raise exc
    except asyncio.TimeoutError:
        return "timeout"
    except OSError:
        return "os error"


print(classify(socket.timeout()), classify(ConnectionError()), classify(TimeoutError("x")))
