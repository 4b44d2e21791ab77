# `import time as t`: `t.sleep` is rewritten, `t` stays for `t.monotonic`.
import asyncio as aio
import time as t


async def tick(n):
    start = t.monotonic()
    t.sleep(0.01 * n)
    return t.monotonic() - start >= 0.01 * n


async def main():
    print([await tick(n) for n in range(3)])


aio.run(main())
