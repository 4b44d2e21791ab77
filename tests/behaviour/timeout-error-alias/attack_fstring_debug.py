# expect: unchanged
# The debug field prints `asyncio.TimeoutError=`: rewriting it to `TimeoutError` changes it.
import asyncio

print(f"{asyncio.TimeoutError=}")
print(f"{asyncio.TimeoutError.__name__=!r:>20}")
