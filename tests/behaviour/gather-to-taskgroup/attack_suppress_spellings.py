# expect: unchanged
# Other spellings of `contextlib.suppress`: a from-import, an aliased module, an alias of the
# function, and `suppress` as one item of a multi-item `with`.
import asyncio
import contextlib as cl
from contextlib import suppress
from contextlib import suppress as ignoring


async def ok():
    await asyncio.sleep(0.01)
    return "ok"


async def bad():
    await asyncio.sleep(0)
    raise KeyError("missing")


async def main():
    with suppress(KeyError):
        await asyncio.gather(ok(), bad())
    print("first suppressed")
    with cl.suppress(LookupError):
        a, b = await asyncio.gather(bad(), ok())
    print("second suppressed")
    with ignoring(KeyError):
        print(await asyncio.gather(ok(), bad()))
    print("third suppressed")
    with open(__file__) as _, suppress(KeyError):
        await asyncio.gather(ok(), bad())
    print("fourth suppressed")


asyncio.run(main())
