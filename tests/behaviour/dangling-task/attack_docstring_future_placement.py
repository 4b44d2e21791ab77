"""Docstring first, then `from __future__`: the set goes after them, before any code."""
from __future__ import annotations

import asyncio

results = []


async def work(n):
    await asyncio.sleep(0)
    results.append(n)


async def main():
    for n in range(3):
        asyncio.create_task(work(n))
    await asyncio.sleep(0.01)
    print(sorted(results), __doc__.split(",")[0])


if __name__ == "__main__":
    asyncio.run(main())
