# expect: any
# `self.flush()` is an `async def` in the base class, but the subclass overrides it with a
# plain `def` that does the work at once. On a subclass instance the call is not a missing
# await at all: adding `await` makes `await None` raise TypeError.
import asyncio


class Writer:
    async def flush(self):
        await asyncio.sleep(0)

    async def close(self):
        self.flush()
        return "closed"


class SyncWriter(Writer):
    def flush(self):
        print("flushed synchronously")


async def main():
    try:
        print(await SyncWriter().close())
    except TypeError as exc:
        print("TypeError:", exc)


asyncio.run(main())
