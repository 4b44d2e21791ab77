# expect: unchanged
# A comprehension variable named `TimeoutError`: inside it the name is the loop variable.
import asyncio

kinds = [ValueError, KeyError]
print([asyncio.TimeoutError is TimeoutError for TimeoutError in kinds])  # noqa: A001
