# expect: unchanged
# Under `if sys.version_info < (3, 11):` the names differ: never rewritten.
import asyncio
import sys

if sys.version_info < (3, 11):
    TIMEOUTS = (asyncio.TimeoutError, TimeoutError)
else:
    TIMEOUTS = TimeoutError

print(TIMEOUTS is TimeoutError)
