# Imports in groups with code between them: the set goes after the last import block (before
# the first `def`), annotated for mypy (`set[asyncio.Task[object]]`, evaluated at run time on
# 3.9+); the program runs the same.
import asyncio
import logging

log = logging.getLogger("demo")

try:
    import uvloop  # noqa: F401
except ImportError:
    uvloop = None

import json

results = []


async def job(n):
    await asyncio.sleep(0)
    results.append(json.dumps({"n": n}))


async def main():
    asyncio.create_task(job(1))
    await asyncio.sleep(0.01)
    print(results)


asyncio.run(main())
