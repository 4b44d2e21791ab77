# Other exceptions in the tuple stay, in order.
import asyncio


def fail(kind):
    if kind == "value":
        raise ValueError("v")
    if kind == "key":
        raise KeyError("k")
    raise TimeoutError("t")


for kind in ("value", "key", "timeout"):
    try:
        fail(kind)
    except (ValueError, asyncio.TimeoutError, KeyError, TimeoutError) as exc:
        print(kind, type(exc).__name__)
