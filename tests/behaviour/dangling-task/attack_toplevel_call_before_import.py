"""A module whose top-level code runs a function that starts a task, before its last import."""

from __future__ import annotations

import asyncio

log: list[str] = []


async def tick(n: int) -> None:
    await asyncio.sleep(0)
    log.append(f"tick {n}")


async def start(n: int) -> None:
    asyncio.ensure_future(tick(n))
    await asyncio.sleep(0.01)


def boot() -> None:
    asyncio.run(start(1))


boot()

import sys  # noqa: E402

print(log, file=sys.stdout)
