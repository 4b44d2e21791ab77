# A `types.coroutine` generator may `yield from` a native coroutine: such a caller does not
# block the rewrite.
import asyncio
import types

import coroutine_shim  # noqa: F401  (asyncio.coroutine on 3.11+)


@asyncio.coroutine
def answer():
    return 42


@types.coroutine
def driver():
    value = yield from answer()
    return value + 1


async def main():
    print(await driver())


asyncio.run(main())
